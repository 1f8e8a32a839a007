package org.sandian.broadcast.outbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.sandian.broadcast.core.Broadcast;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.bus.RecordCodec;

/** Broadcast entries to the SMS channel: {@link Addresses#SMS_SEND}, id = the entry key, bulk priority. */
public final class SmsLink implements ChannelLink {

    private final Vertx vertx;
    private final long timeoutMillis;

    public SmsLink(Vertx vertx, long timeoutMillis) {
        this.vertx = vertx;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public Future<Void> send(EntryKey key, Broadcast.Message message, Broadcast broadcast) {
        OutboundSms sms = new OutboundSms(key.toString(), key.phone(), message.text(), OutboundSms.Priority.BULK,
                "broadcast:" + broadcast.id());
        return vertx.eventBus().request(Addresses.SMS_SEND, sms,
                RecordCodec.options(OutboundSms.class).setSendTimeout(timeoutMillis)).mapEmpty();
    }
}
