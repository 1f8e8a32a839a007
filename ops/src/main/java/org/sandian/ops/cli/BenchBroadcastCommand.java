package org.sandian.ops.cli;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.sandian.broadcast.audience.Audience;
import org.sandian.broadcast.core.Broadcast;
import org.sandian.broadcast.core.BroadcastDraft;
import org.sandian.broadcast.core.BroadcastOptions;
import org.sandian.broadcast.core.Officer;
import org.sandian.broadcast.outbox.BroadcastEngine;
import org.sandian.broadcast.outbox.EngineOptions;
import org.sandian.broadcast.outbox.Occurrence;
import org.sandian.broadcast.outbox.OccurrenceState;
import org.sandian.broadcast.outbox.SenderOptions;
import org.sandian.broadcast.schedule.Schedule;
import org.sandian.broadcast.subscriber.Subscriber;
import org.sandian.broadcast.subscriber.SubscriberStatus;
import org.sandian.broadcast.subscriber.SubscriberStore;
import org.sandian.channels.sms.MoHandler;
import org.sandian.channels.sms.SmsChannel;
import org.sandian.channels.sms.SmsOptions;
import org.sandian.channels.sms.sim.SimOptions;
import org.sandian.channels.sms.sim.SmscSimulator;
import org.sandian.content.answer.Channel;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.MessageTypes;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.model.Lang;
import org.sandian.content.store.MongoStore;
import org.sandian.content.store.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sandian bench broadcast}: N synthetic subscribers, one SMS broadcast to all of them at T
 * per second, through the real SMS channel bound to the SMSC simulator ({@code --via sim}) or to a
 * counting stand-in for the SMS channel on {@code SMS_SEND} ({@code --via bus}), on a fresh
 * embedded store. {@code --crash-after K} stops the broadcast engine as a crash would (no lease
 * given back, nothing pending written) after K messages and starts a new one. Ends with
 * {@code RESULT recipients=... fanout_s=... achieved_tps=... duplicates=... missing=...}, counted
 * where the messages arrive (simulator or stand-in).
 */
@Command(name = "broadcast", mixinStandardHelpOptions = true,
        description = "One SMS broadcast to N synthetic subscribers at T per second; prints a RESULT line.")
public final class BenchBroadcastCommand implements Callable<Integer> {

    private static final String REGION = "429005100201";

    @Option(names = "--recipients", defaultValue = "100000", description = "subscribers to make and reach (${DEFAULT-VALUE})")
    int recipients;

    @Option(names = "--tps", defaultValue = "500", description = "SMS per second the broadcast may send (${DEFAULT-VALUE})")
    int tps;

    @Option(names = "--via", defaultValue = "sim", description = "sim: SMS channel and SMSC simulator; bus: a counting SMS_SEND consumer")
    String via;

    @Option(names = "--crash-after", defaultValue = "0", description = "crash and restart the broadcast engine after this many messages (0 = never)")
    int crashAfter;

    @Option(names = "--workers", defaultValue = "4", description = "sender threads (${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--data-dir", description = "embedded store folder (default: a new temporary one)")
    Path dataDir;

    /** Where messages arrive, counted once per message and once per distinct phone. */
    private final Map<String, Boolean> phones = new ConcurrentHashMap<>();
    private final AtomicLong arrived = new AtomicLong();
    private volatile long firstNanos;
    private volatile long lastNanos;

    @Override
    public Integer call() throws IOException {
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("sandian-bench-broadcast-");
        System.out.printf("bench broadcast: recipients=%d tps=%d via=%s store=%s%n", recipients, tps, via, dir);
        try (MongoStore store = MongoStore.open(StoreOptions.embedded(dir))) {
            run(store);
        }
        return 0;
    }

    private void run(MongoStore store) throws IOException {
        Vertx vertx = Vertx.vertx();
        MessageTypes.register(vertx.eventBus());
        try {
            makeSubscribers(store);
            SmscSimulator sim = "sim".equals(via) ? startSmsChannel(vertx, store) : null;
            if (sim == null) countOnTheBus(vertx);
            long t0 = System.nanoTime();
            BroadcastEngine engine = deployEngine(vertx, store);
            while (!engine.subscribersIndexed()) sleep(20);
            System.out.printf("index: subscribers loaded into memory in %.1f s (once, at hub start)%n",
                    (System.nanoTime() - t0) / 1e9);
            Officer officer = new Officer("bench", "admin", null);
            Broadcast b = engine.service().create(officer, new BroadcastDraft("bench",
                    Map.of(Lang.ZH, "农业信息测试：油菜追肥，注意天气。"), Set.of(Channel.SMS),
                    new Audience(List.of(REGION), List.of(), List.of(), Set.of()), Schedule.now(), null, null));
            engine.service().submit(officer, b.id());
            Occurrence o = awaitSending(engine, Occurrence.idOf(b.id(), 1));
            System.out.printf("fan-out: %d entries in %d chunks, %.1f s%n", o.totalEntries(), o.totalChunks(), o.fanoutSeconds());
            if (crashAfter > 0) engine = crashAndRestart(vertx, store, engine);
            awaitArrivals(engine);
            report(o);
            if (sim != null) sim.close();
        } finally {
            vertx.close().await(); // before the store closes: the engine writes its last states
        }
    }

    private void makeSubscribers(MongoStore store) {
        long t0 = System.nanoTime();
        SubscriberStore subscribers = new SubscriberStore(store);
        Instant now = Instant.now();
        List<Subscriber> batch = new ArrayList<>(1_000);
        for (int i = 0; i < recipients; i++) {
            batch.add(new Subscriber(String.format("+86139%08d", i), null, Lang.ZH, REGION, List.of("rapeseed"),
                    List.of("notices"), Set.of(Channel.SMS), SubscriberStatus.ACTIVE, "bench", now, now, now));
            if (batch.size() == 1_000) {
                subscribers.insertAll(batch);
                batch.clear();
            }
        }
        subscribers.insertAll(batch);
        System.out.printf("subscribers: %d written in %.1f s%n", recipients, (System.nanoTime() - t0) / 1e9);
    }

    private SmscSimulator startSmsChannel(Vertx vertx, MongoStore store) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SmscSimulator sim = SmscSimulator.start(SimOptions.on(port));
        sim.onMessage(m -> arrive(m.to()));
        int binds = Math.max(1, (tps + 999) / 1_000);
        int perBind = (int) Math.ceil(tps * 1.2 / binds); // the broadcast's own limit governs
        SmsOptions options = SmsOptions.of("127.0.0.1", port, "sandian", "secret").withBinds(binds).withFlow(50, perBind);
        SmsChannel channel = new SmsChannel(options, store, MoHandler.NONE, Clock.systemUTC());
        vertx.deployVerticle(channel).await();
        long end = System.currentTimeMillis() + 30_000;
        while (!channel.allBound() && System.currentTimeMillis() < end) sleep(20);
        System.out.printf("sms channel: %d bind(s) to the simulator on port %d, %d TPS each%n", binds, port, perBind);
        return sim;
    }

    /** The SMS channel's contract without SMPP: reply once "stored", the same id sent once. */
    private void countOnTheBus(Vertx vertx) {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        vertx.eventBus().<OutboundSms>consumer(Addresses.SMS_SEND, m -> {
            if (ids.add(m.body().id())) arrive(m.body().to());
            m.reply(m.body().id());
        }).completion().await();
        System.out.println("sms channel: a counting SMS_SEND consumer (no SMPP)");
    }

    private void arrive(String to) {
        long now = System.nanoTime();
        if (arrived.incrementAndGet() == 1) firstNanos = now;
        lastNanos = now;
        phones.put(to, Boolean.TRUE);
    }

    private BroadcastEngine deployEngine(Vertx vertx, MongoStore store) {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        EngineOptions options = new EngineOptions(new BroadcastOptions(zone, false, 0.05),
                new SenderOptions(workers, 500, 10_000, Map.of(Channel.SMS, (double) tps), zone), 200);
        BroadcastEngine engine = new BroadcastEngine(store, options, Clock.systemUTC(), Map.of());
        vertx.deployVerticle(engine).await();
        return engine;
    }

    private static Occurrence awaitSending(BroadcastEngine engine, String occurrenceId) {
        while (true) {
            Occurrence o = engine.occurrences().find(occurrenceId);
            if (o != null && o.state() != OccurrenceState.FANNING_OUT) return o;
            sleep(50);
        }
    }

    private BroadcastEngine crashAndRestart(Vertx vertx, MongoStore store, BroadcastEngine engine) {
        while (arrived.get() < crashAfter) sleep(5);
        long handed = engine.sender().handedOver();
        engine.crash();
        vertx.undeploy(engine.deploymentID()).await();
        System.out.printf("crash: engine stopped after %d handed over (%d arrived); restarting%n", handed, arrived.get());
        return deployEngine(vertx, store);
    }

    private void awaitArrivals(BroadcastEngine engine) {
        long limit = System.nanoTime() + Duration.ofSeconds(120 + 3L * recipients / Math.max(1, tps)).toNanos();
        long lastCount = -1;
        long quietSince = System.nanoTime();
        while (phones.size() < recipients && System.nanoTime() < limit) {
            sleep(1_000);
            long n = arrived.get();
            if (n != lastCount) {
                lastCount = n;
                quietSince = System.nanoTime();
                System.out.printf("  %d arrived (%d handed over)%n", n, engine.sender().handedOver());
            } else if (System.nanoTime() - quietSince > Duration.ofSeconds(60).toNanos()) {
                break;
            }
        }
        sleep(2_000); // late duplicates, if any, still count
    }

    private void report(Occurrence o) {
        long distinct = phones.size();
        long duplicates = arrived.get() - distinct;
        long missing = recipients - distinct;
        double seconds = Math.max(1e-9, (lastNanos - firstNanos) / 1e9);
        double achieved = arrived.get() > 1 ? (arrived.get() - 1) / seconds : 0;
        System.out.printf("RESULT recipients=%d fanout_s=%.1f achieved_tps=%.0f duplicates=%d missing=%d%n",
                recipients, o.fanoutSeconds(), achieved, duplicates, missing);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
