package org.sandian.channels.sms;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.bson.Document;
import org.jsmpp.bean.BindType;
import org.sandian.channels.sms.mo.MoIntake;
import org.sandian.channels.sms.mt.BindSender;
import org.sandian.channels.sms.mt.MtOutbox;
import org.sandian.channels.sms.mt.OutboxOwners;
import org.sandian.channels.sms.mt.ReceiptMatching;
import org.sandian.channels.sms.session.EsmeBind;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.MessageTypes;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.bus.RecordCodec;
import org.sandian.content.bus.SmsStatus;
import org.sandian.content.store.MongoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS channel ops deploys: binds to the SMSC, stores every MO before acknowledging it and hands
 * it to the {@link MoHandler}, keeps a durable outbox of MTs and sends them within the window and
 * TPS of each bind. Serves {@code Addresses.SMS_SEND} (body {@code OutboundSms}, reply the id),
 * publishes {@code Addresses.SMS_STATUS} and {@code Addresses.SMS_RECEIVED}.
 *
 * <p>Start completes once queued MTs are resumed and the binds are started, without waiting for
 * the SMSC (it may be down: the binds keep trying; {@link #health()} shows them). Alone, a hub
 * resumes every queued MT at start; in a cluster it resumes only those of hubs that stopped
 * beating ({@link OutboxOwners}), at start and while it runs, so a dead hub's queue is finished
 * by another and a live hub's is never sent twice.
 */
public final class SmsChannel extends VerticleBase {

    /** How often this hub says it is alive, and after how long without it another hub adopts its queued MTs. */
    private static final Duration OWNER_BEAT = Duration.ofSeconds(5);
    private static final Duration OWNER_DEAD_AFTER = Duration.ofSeconds(20);

    private static final Logger log = LoggerFactory.getLogger(SmsChannel.class);

    private final SmsOptions options;
    private final MongoStore store;
    private final MoHandler handler;
    private final Clock clock;
    private final List<EsmeBind> binds = new ArrayList<>();
    private final List<BindSender> senders = new ArrayList<>();
    private volatile MtOutbox outbox;
    private volatile MoIntake intake;
    private final SmsMeters meters = new SmsMeters();
    private final IntSupplier queuedParts = () -> {
        MtOutbox o = outbox;
        return o == null ? 0 : o.queued();
    };
    private long sweeper = -1;
    private long beater = -1;
    private OutboxOwners owners;
    /** When a bind came up (clock millis), -1 while none is bound; read by the sweeper only. */
    private long upSince = -1;
    private final AtomicBoolean sweeping = new AtomicBoolean();

    public SmsChannel(SmsOptions options, MongoStore store, MoHandler handler, Clock clock) {
        this.options = options;
        this.store = store;
        this.handler = handler;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        if (!options.enabled()) {
            log.info("sms: no SMSC host configured, SMS channel off");
            return Future.succeededFuture();
        }
        MessageTypes.register(vertx.eventBus(), InboundMessage.class);
        DeliveryOptions statusOpts = RecordCodec.options(SmsStatus.class);
        DeliveryOptions receivedOpts = RecordCodec.options(InboundMessage.class);
        outbox = new MtOutbox(store.collection("sms_mt", Document.class),
                store.collection("sms_receipts_index", Document.class),
                store.collection("sms_orphan_receipts", Document.class),
                s -> {
                    meters.status(s);
                    vertx.eventBus().publish(Addresses.SMS_STATUS, s, statusOpts);
                }, clock, options.maxParts(), ReceiptMatching.of(options.receipts(), vertx.isClustered()));
        intake = new MoIntake(store.collection("sms_mo", Document.class), store.collection("sms_mo_parts", Document.class),
                store.collection("sms_mo_progress", Document.class), outbox, m -> {
                    meters.received();
                    CompletionStage<Void> done = handler.process(m);
                    done.thenRun(() -> meters.handled(m.receivedAt(), clock.instant()));
                    vertx.eventBus().publish(Addresses.SMS_RECEIVED, m, receivedOpts);
                    return done;
                }, clock, options.moPartTimeout(), Math.max(30_000, 2 * options.enquireLink().toMillis()), 4);
        vertx.eventBus().<OutboundSms>consumer(Addresses.SMS_SEND, m ->
                Future.fromCompletionStage(outbox.send(m.body()), context).onComplete(
                        m::reply, e -> m.fail(500, e.getMessage())));
        // TD: bulk MTs still queued to that farmer are not sent
        vertx.eventBus().<String>consumer(Addresses.STOPPED, m -> outbox.stopped(m.body()));
        sweeper = vertx.setPeriodic(1_000, t -> {
            intake.sweep();
            sweepOutbox();
        });
        owners = new OutboxOwners(store.collection(OutboxOwners.COLLECTION, Document.class), outbox.run(), clock,
                OWNER_DEAD_AFTER);
        boolean cluster = vertx.isClustered();
        beater = vertx.setPeriodic(OWNER_BEAT.toMillis(), t -> vertx.executeBlocking(() -> {
            owners.beat();
            if (cluster) outbox.adopt(owners.claimDead(), false); // a dead hub's queue is not left behind
            return null;
        }, false).onFailure(e -> log.warn("sms: outbox owner beat failed: {}", e.toString())));
        SmsMeters.track(queuedParts);
        return vertx.executeBlocking(() -> {
            owners.beat();
            int resumed;
            if (cluster) {
                resumed = outbox.adopt(owners.claimDead(), true);
            } else {
                owners.claimAllOthers();
                resumed = outbox.resume();
            }
            int parts = intake.recover();
            startBinds();
            log.info("sms: {} bind(s) to {}:{} starting, {} MT resumed, {} MO part(s) recovered",
                    binds.size(), options.host(), options.port(), resumed, parts);
            return null;
        }, false);
    }

    /**
     * The outbox's held receipts and the MTs it took back (see {@link MtOutbox#sweep}), off the
     * event loop, one sweep at a time. "Bound long enough": a bind has been up for the options'
     * receipts grace, time for an SMSC to hand over the receipts it kept while we were away.
     */
    private void sweepOutbox() {
        long now = clock.millis();
        boolean up = false;
        for (EsmeBind b : binds) up |= b.bound();
        if (!up) upSince = -1;
        else if (upSince < 0) upSince = now;
        boolean longEnough = upSince >= 0 && now - upSince >= options.receiptsGrace().toMillis();
        if (!sweeping.compareAndSet(false, true)) return;
        vertx.executeBlocking(() -> {
            outbox.sweep(longEnough);
            return null;
        }, false).onComplete(r -> {
            sweeping.set(false);
            if (r.failed()) log.warn("sms: outbox sweep failed: {}", r.cause().toString());
        });
    }

    private void startBinds() {
        for (int i = 0; i < Math.max(1, options.binds()); i++) {
            if (options.bindType() == SmsOptions.BindType.TX_RX) {
                addBind("tx" + i, BindType.BIND_TX, true);
                addBind("rx" + i, BindType.BIND_RX, false);
            } else {
                addBind("trx" + i, BindType.BIND_TRX, true);
            }
        }
    }

    private void addBind(String name, BindType type, boolean sends) {
        EsmeBind bind = new EsmeBind(name, options, type, intake::listenerFor, intake::sessionClosed);
        binds.add(bind);
        bind.start();
        if (sends) {
            BindSender sender = new BindSender(bind, outbox, options);
            senders.add(sender);
            sender.start();
        }
    }

    @Override
    public Future<?> stop() {
        if (sweeper >= 0) vertx.cancelTimer(sweeper);
        if (beater >= 0) vertx.cancelTimer(beater);
        SmsMeters.untrack(queuedParts);
        return vertx.executeBlocking(() -> {
            senders.forEach(BindSender::close);
            binds.forEach(EsmeBind::close);
            if (intake != null) intake.close();
            if (outbox != null) outbox.close();
            return null;
        }, false);
    }

    /** Queues MTs directly (same node, no bus hop). */
    public SmsSender sender() {
        return sms -> {
            MtOutbox o = outbox;
            return o != null ? o.send(sms)
                    : CompletableFuture.failedFuture(new IllegalStateException("SMS channel not started"));
        };
    }

    /** True once every configured bind is bound (tests and the ready line wait on it). */
    public boolean allBound() {
        if (binds.isEmpty()) return false;
        for (EsmeBind b : binds) if (!b.bound()) return false;
        return true;
    }

    public SmsHealth health() {
        int up = 0;
        for (EsmeBind b : binds) if (b.bound()) up++;
        int inFlight = 0;
        for (BindSender s : senders) inFlight += s.inFlight();
        MtOutbox o = outbox;
        MoIntake in = intake;
        return new SmsHealth(up, binds.isEmpty() ? options.binds() : binds.size(), o == null ? 0 : o.queued(), inFlight,
                in == null ? 0 : in.received(), o == null ? 0 : o.submittedParts(), o == null ? 0 : o.failedMessages());
    }

    /** Total successful binds of all binds (1 each plus every rebind), for tests and health. */
    public long bindCount() {
        long n = 0;
        for (EsmeBind b : binds) n += b.bindCount();
        return n;
    }
}
