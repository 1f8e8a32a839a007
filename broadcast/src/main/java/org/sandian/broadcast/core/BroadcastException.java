package org.sandian.broadcast.core;

/** A refused action on a broadcast, with the HTTP-like kind the API answers with. */
public final class BroadcastException extends RuntimeException {

    public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT }

    private final Kind kind;

    public BroadcastException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public int httpStatus() {
        switch (kind) {
            case INVALID:
                return 400;
            case FORBIDDEN:
                return 403;
            case NOT_FOUND:
                return 404;
            default:
                return 409;
        }
    }
}
