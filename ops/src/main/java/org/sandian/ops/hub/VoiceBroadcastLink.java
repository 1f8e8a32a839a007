package org.sandian.ops.hub;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import java.util.List;
import org.sandian.broadcast.core.Broadcast;
import org.sandian.broadcast.outbox.BroadcastEngine;
import org.sandian.broadcast.outbox.ChannelLink;
import org.sandian.broadcast.outbox.EntryKey;
import org.sandian.channels.voice.VoiceAddresses;
import org.sandian.channels.voice.outbound.VoiceCallOutcome;
import org.sandian.channels.voice.outbound.VoiceCallRequest;
import org.sandian.channels.voice.outbound.VoiceCaller;
import org.sandian.content.bus.RecordCodec;
import org.sandian.content.bus.SmsStatus;

/**
 * Hands a voice broadcast's entries to the voice channel, which calls through Asterisk's manager
 * interface, with the entry key as call id (the voice channel places each id once while it runs), and
 * records each call's final outcome as its entry's state. Key 2 on the call subscribes the callee to that broadcast's SMS (the voice channel
 * asks the answer engine). A call accepted but not yet recorded as such when the hub dies is the
 * "in flight" case: it may be placed again, never more than the outbound concurrency.
 */
final class VoiceBroadcastLink implements ChannelLink {

    private final VoiceCaller caller;

    VoiceBroadcastLink(Vertx vertx) {
        VoiceCaller.registerTypes(vertx);
        this.caller = VoiceCaller.proxy(vertx);
        // Each hub's engine records the final outcome of a call as its entry's state, as SMS statuses do.
        DeliveryOptions local = RecordCodec.options(SmsStatus.class).setLocalOnly(true);
        vertx.eventBus().<VoiceCallOutcome>consumer(VoiceAddresses.CALL_OUTCOME, m -> {
            SmsStatus s = m.body().entryStatus();
            if (s != null) vertx.eventBus().publish(BroadcastEngine.VOICE_CALL_OUTCOME, s, local);
        });
    }

    @Override
    public Future<Void> send(EntryKey key, Broadcast.Message message, Broadcast broadcast) {
        // The recording, when the officer attached one for this language, is played instead of the text.
        return caller.call(new VoiceCallRequest(key.toString(), broadcast.id(), key.phone(), message.text(),
                message.recording(), message.lang(), subscribeTerms(broadcast))).mapEmpty();
    }

    /**
     * What key 2 subscribes the callee to by SMS, in the SMS keywords' terms: the broadcast's first
     * audience topic ("price:maize" is "price maize"), else its notices, which is what a broadcast is.
     */
    static String subscribeTerms(Broadcast broadcast) {
        List<String> topics = broadcast.audience() == null ? List.of() : broadcast.audience().topics();
        return topics.isEmpty() ? "notices" : topics.get(0).replace(':', ' ');
    }
}
