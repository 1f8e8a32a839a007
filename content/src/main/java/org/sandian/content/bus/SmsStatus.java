package org.sandian.content.bus;

import java.time.Instant;

/**
 * A change of an MT message's state, published on {@link Addresses#SMS_STATUS}. For a message sent
 * in several parts the state is the aggregate of its parts.
 *
 * @param smscId the SMSC's message id once submitted, else null
 * @param error  why it failed (a closed list: "throttled", "rejected", "expired", "undeliverable"...)
 */
public record SmsStatus(String id, String to, State state, String smscId, String error, Instant at) {

    public enum State { QUEUED, SUBMITTED, DELIVERED, FAILED }
}
