package org.sandian.channels.sms;

/**
 * Gets every MO once it is durably stored (the keyword dialogue implements it). Called on a
 * non-event-loop thread of the SMS channel; it must not block long: hand slow work elsewhere.
 */
@FunctionalInterface
public interface MoHandler {

    void onMessage(InboundMessage message);

    /** A handler that ignores every message (SMS receive-only tests, or a channel without dialogue). */
    MoHandler NONE = m -> {
    };
}
