package org.sandian.channels.voice.outbound;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import org.sandian.channels.voice.VoiceAddresses;
import org.sandian.content.bus.MessageTypes;
import org.sandian.content.bus.RecordCodec;

/**
 * What the broadcast module holds to place voice calls: over the event bus, so the voice channel may
 * run on another node. Outcomes arrive on {@link VoiceAddresses#CALL_OUTCOME}.
 */
public final class VoiceCaller {

    private static final long TIMEOUT_MS = 5_000;
    private final Vertx vertx;

    private VoiceCaller(Vertx vertx) {
        this.vertx = vertx;
        registerTypes(vertx);
    }

    public static VoiceCaller proxy(Vertx vertx) {
        return new VoiceCaller(vertx);
    }

    /** Registers the voice call records' codecs (safe to call again). */
    public static void registerTypes(Vertx vertx) {
        MessageTypes.register(vertx.eventBus(), VoiceCallRequest.class, VoiceCallOutcome.class);
    }

    /** Queues the call; the future holds the call id once the voice channel has accepted it. */
    public Future<String> call(VoiceCallRequest request) {
        DeliveryOptions options = RecordCodec.options(VoiceCallRequest.class).setSendTimeout(TIMEOUT_MS);
        return vertx.eventBus().<String>request(VoiceAddresses.CALL, request, options).map(Message::body);
    }
}
