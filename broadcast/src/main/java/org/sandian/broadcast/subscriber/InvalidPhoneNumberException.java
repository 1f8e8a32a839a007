package org.sandian.broadcast.subscriber;

/** A phone number that cannot be read; the message says why, for an officer or a farmer to fix. */
public final class InvalidPhoneNumberException extends IllegalArgumentException {

    private final String reason;

    public InvalidPhoneNumberException(String input, String reason) {
        super("invalid phone number \"" + (input == null ? "" : input) + "\": " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
