package org.sandian.ops.health;

/** The state of one part of the hub, as /health and /ready show it. */
public record ComponentHealth(State state, String detail) {

    public enum State {
        /** Working. */
        UP,
        /** Configured but not working now (SMSC unreachable, store down). */
        DOWN,
        /** Not configured: switched off on purpose. */
        OFF
    }

    public static ComponentHealth up(String detail) {
        return new ComponentHealth(State.UP, detail);
    }

    public static ComponentHealth down(String detail) {
        return new ComponentHealth(State.DOWN, detail);
    }

    public static ComponentHealth off(String detail) {
        return new ComponentHealth(State.OFF, detail);
    }
}
