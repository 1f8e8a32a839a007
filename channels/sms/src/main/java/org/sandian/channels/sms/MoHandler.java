package org.sandian.channels.sms;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Gets every MO once it is durably stored (the keyword dialogue implements it). Called on a
 * non-event-loop thread of the SMS channel; it must not block long: hand slow work elsewhere.
 */
@FunctionalInterface
public interface MoHandler {

    void onMessage(InboundMessage message);

    /**
     * Like {@link #onMessage} but completes once the message is done with (its reply queued, or
     * deliberately none): only then does the channel mark it handled, so a crash before that hands
     * it over again at the next start.
     */
    default CompletionStage<Void> process(InboundMessage message) {
        onMessage(message);
        return CompletableFuture.completedFuture(null);
    }

    /** A handler that ignores every message (SMS receive-only tests, or a channel without dialogue). */
    MoHandler NONE = m -> {
    };
}
