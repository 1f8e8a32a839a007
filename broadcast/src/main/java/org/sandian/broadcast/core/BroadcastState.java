package org.sandian.broadcast.core;

/**
 * DRAFT -> SUBMITTED -> APPROVED -> SCHEDULED -> SENDING -> DONE; a recurring broadcast goes back
 * to SCHEDULED after each occurrence. PAUSED and SENDING alternate on pause/resume; CANCELLED and
 * EXPIRED are final.
 */
public enum BroadcastState {
    DRAFT, SUBMITTED, APPROVED, SCHEDULED, SENDING, PAUSED, DONE, CANCELLED, EXPIRED;

    public boolean isFinal() {
        return this == DONE || this == CANCELLED || this == EXPIRED;
    }
}
