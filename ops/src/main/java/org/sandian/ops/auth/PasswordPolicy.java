package org.sandian.ops.auth;

/** The least a password must be: long enough to resist guessing, without silly composition rules. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;

    private PasswordPolicy() {
    }

    /** Throws with a message an officer understands when the password is too weak. */
    public static void check(String userName, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new IllegalArgumentException("the password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.equalsIgnoreCase(userName)) {
            throw new IllegalArgumentException("the password must not be the user name");
        }
    }
}
