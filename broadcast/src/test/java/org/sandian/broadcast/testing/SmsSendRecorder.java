package org.sandian.broadcast.testing;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.bus.RecordCodec;
import org.sandian.content.bus.SmsStatus;

/**
 * Stands where the SMS channel's {@code SMS_SEND} consumer stands and keeps its contract (reply
 * with the id once "stored"; the same id twice is sent once), counting what a phone would get.
 * Survives a Vert.x restart: {@link #attach} it to the new instance.
 */
public final class SmsSendRecorder {

    /** Ids sent (once each), by phone. */
    public final Map<String, Set<String>> idsByPhone = new ConcurrentHashMap<>();
    public final Map<String, String> textById = new ConcurrentHashMap<>();
    public final AtomicInteger requests = new AtomicInteger();
    public final AtomicInteger repeatedIds = new AtomicInteger();
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private volatile boolean receipts;

    /** Also publish a DELIVERED status for each new id, as the channel does on a receipt. */
    public SmsSendRecorder withReceipts() {
        receipts = true;
        return this;
    }

    public MessageConsumer<OutboundSms> attach(Vertx vertx) {
        MessageConsumer<OutboundSms> c = vertx.eventBus().consumer(Addresses.SMS_SEND, m -> {
            OutboundSms sms = m.body();
            requests.incrementAndGet();
            if (ids.add(sms.id())) {
                idsByPhone.computeIfAbsent(sms.to(), k -> ConcurrentHashMap.newKeySet()).add(sms.id());
                textById.put(sms.id(), sms.text());
                if (receipts) {
                    vertx.eventBus().publish(Addresses.SMS_STATUS, new SmsStatus(sms.id(), sms.to(),
                            SmsStatus.State.DELIVERED, "smsc-" + sms.id().hashCode(), null, Instant.now()),
                            RecordCodec.options(SmsStatus.class));
                }
            } else {
                repeatedIds.incrementAndGet();
            }
            m.reply(sms.id());
        });
        c.completion().await();
        return c;
    }

    /** Messages a farmer would have received (distinct ids). */
    public int sent() {
        return ids.size();
    }

    /** Phones that would have received more than one message. */
    public long phonesWithDuplicates() {
        return idsByPhone.values().stream().filter(s -> s.size() > 1).count();
    }
}
