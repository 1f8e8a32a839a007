package org.sandian.ops.auth;

import java.time.Instant;

/** The outcome of a login attempt. The message never tells whether the name or the password was wrong. */
public record LoginResult(Outcome outcome, Officer officer, Instant lockedUntil) {

    public enum Outcome { OK, REFUSED, LOCKED }

    public static LoginResult ok(Officer officer) {
        return new LoginResult(Outcome.OK, officer, null);
    }

    public static LoginResult refused() {
        return new LoginResult(Outcome.REFUSED, null, null);
    }

    public static LoginResult locked(Instant until) {
        return new LoginResult(Outcome.LOCKED, null, until);
    }
}
