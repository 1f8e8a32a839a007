package org.sandian.ops.cli;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.sandian.broadcast.audience.Audience;
import org.sandian.broadcast.core.Broadcast;
import org.sandian.broadcast.core.BroadcastDraft;
import org.sandian.broadcast.core.BroadcastOptions;
import org.sandian.broadcast.core.BroadcastService;
import org.sandian.broadcast.core.BroadcastStore;
import org.sandian.broadcast.core.Officer;
import org.sandian.broadcast.core.Recordings;
import org.sandian.broadcast.outbox.BroadcastEngine;
import org.sandian.broadcast.outbox.EngineOptions;
import org.sandian.broadcast.outbox.Occurrence;
import org.sandian.broadcast.outbox.OccurrenceState;
import org.sandian.broadcast.outbox.OccurrenceStore;
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
import org.sandian.content.audit.AuditLog;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.MessageTypes;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.model.Lang;
import org.sandian.content.store.MongoStore;
import org.sandian.content.store.StoreOptions;
import org.sandian.ops.hub.HubProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sandian bench broadcast}: N synthetic subscribers, one SMS broadcast to all of them at T
 * per second, through the real SMS channel bound to the SMSC simulator ({@code --via sim}) or to a
 * counting stand-in for the SMS channel on {@code SMS_SEND} ({@code --via bus}), on a fresh
 * embedded store. {@code --crash-after K} stops the broadcast engine as a crash would (no lease
 * given back, nothing pending written) after K messages and starts a new one. {@code --kill-after K}
 * does it for real: the hub runs as a child JVM ({@code serve}, this java and class path) against
 * the simulator, which stays in this process; after K messages it gets SIGKILL and is started again
 * on the same data dir. Ends with
 * {@code RESULT recipients=... fanout_s=... achieved_tps=... duplicates=... missing=...} (and, with
 * --kill-after, {@code in_flight_at_kill=... window=...}), counted where the messages arrive
 * (simulator or stand-in).
 */
@Command(name = "broadcast", mixinStandardHelpOptions = true,
        description = "One SMS broadcast to N synthetic subscribers at T per second; prints a RESULT line.")
public final class BenchBroadcastCommand implements Callable<Integer> {

    private static final String REGION = "429005100201";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Officer OFFICER = new Officer("bench", "admin", null);

    @Option(names = "--recipients", defaultValue = "100000", description = "subscribers to make and reach (${DEFAULT-VALUE})")
    int recipients;

    @Option(names = "--tps", defaultValue = "500", description = "SMS per second the broadcast may send (${DEFAULT-VALUE})")
    int tps;

    @Option(names = "--window", defaultValue = "50", description = "submit_sm outstanding per bind, as the SMSC allows"
            + " (${DEFAULT-VALUE})")
    int window;

    @Option(names = "--via", defaultValue = "sim", description = "sim: SMS channel and SMSC simulator; bus: a counting SMS_SEND consumer")
    String via;

    @Option(names = "--crash-after", defaultValue = "0", description = "crash and restart the broadcast engine after this many messages (0 = never)")
    int crashAfter;

    @Option(names = "--kill-after", defaultValue = "0",
            description = "run the hub as a child JVM, SIGKILL it after this many messages arrived and start it again (0 = never)")
    int killAfter;

    @Option(names = "--workers", defaultValue = "4", description = "sender threads (${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--data-dir", description = "embedded store folder (default: a new temporary one)")
    Path dataDir;

    /** Where messages arrive, counted once per message and once per distinct phone. */
    private final Map<String, Boolean> phones = new ConcurrentHashMap<>();
    private final AtomicLong arrived = new AtomicLong();
    private volatile long firstNanos;
    private volatile long lastNanos;
    /** With --kill-after: when the hub was killed, and when the next message arrived. */
    private volatile long killNanos;
    private volatile long resumedNanos;

    @Override
    public Integer call() throws IOException {
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("sandian-bench-broadcast-");
        System.out.printf("bench broadcast: recipients=%d tps=%d via=%s store=%s%n", recipients, tps, via, dir);
        if (killAfter > 0) {
            new KilledHub(dir).run();
            return 0;
        }
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
            Broadcast b = engine.service().create(OFFICER, draft());
            engine.service().submit(OFFICER, b.id());
            Occurrence o = awaitSending(engine, Occurrence.idOf(b.id(), 1));
            System.out.printf("fan-out: %d entries in %d chunks, %.1f s%n", o.totalEntries(), o.totalChunks(), o.fanoutSeconds());
            if (crashAfter > 0) engine = crashAndRestart(vertx, store, engine);
            BroadcastEngine running = engine;
            awaitArrivals(() -> running.sender().handedOver());
            report(o, "");
            if (sim != null) sim.close();
        } finally {
            vertx.close().await(); // before the store closes: the engine writes its last states
        }
    }

    private static BroadcastDraft draft() {
        return new BroadcastDraft("bench", Map.of(Lang.ZH, "农业信息测试：油菜追肥，注意天气。"), Set.of(Channel.SMS),
                new Audience(List.of(REGION), List.of(), List.of(), Set.of()), Schedule.now(), null, null);
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
        int port = freePort();
        SmscSimulator sim = SmscSimulator.start(SimOptions.on(port));
        sim.onMessage(m -> arrive(m.to()));
        int binds = binds();
        int perBind = perBind();
        SmsOptions options = SmsOptions.of("127.0.0.1", port, "sandian", "secret").withBinds(binds).withFlow(window, perBind);
        SmsChannel channel = new SmsChannel(options, store, MoHandler.NONE, Clock.systemUTC());
        vertx.deployVerticle(channel).await();
        long end = System.currentTimeMillis() + 30_000;
        while (!channel.allBound() && System.currentTimeMillis() < end) sleep(20);
        System.out.printf("sms channel: %d bind(s) to the simulator on port %d, %d TPS each%n", binds, port, perBind);
        return sim;
    }

    private int binds() {
        return Math.max(1, (tps + 999) / 1_000);
    }

    /** Per bind: the broadcast's own limit governs. */
    private int perBind() {
        return (int) Math.ceil(tps * 1.2 / binds());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
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
        if (killNanos > 0 && resumedNanos == 0) resumedNanos = now;
        phones.put(bare(to), Boolean.TRUE);
    }

    private static String bare(String phone) {
        return phone.startsWith("+") ? phone.substring(1) : phone;
    }

    private BroadcastEngine deployEngine(Vertx vertx, MongoStore store) {
        EngineOptions options = new EngineOptions(new BroadcastOptions(ZONE, false, 0.05),
                new SenderOptions(workers, 500, 10_000, Map.of(Channel.SMS, (double) tps), ZONE), 200);
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

    private void awaitArrivals(LongSupplier handedOver) {
        long limit = System.nanoTime() + Duration.ofSeconds(120 + 3L * recipients / Math.max(1, tps)).toNanos();
        long lastCount = -1;
        long quietSince = System.nanoTime();
        while (phones.size() < recipients && System.nanoTime() < limit) {
            sleep(1_000);
            long n = arrived.get();
            if (n != lastCount) {
                lastCount = n;
                quietSince = System.nanoTime();
                long handed = handedOver.getAsLong();
                System.out.printf(handed < 0 ? "  %d arrived%n" : "  %d arrived (%d handed over)%n", n, handed);
            } else if (System.nanoTime() - quietSince > Duration.ofSeconds(60).toNanos()) {
                break;
            }
        }
        sleep(2_000); // late duplicates, if any, still count
    }

    private void report(Occurrence o, String more) {
        long distinct = phones.size();
        long duplicates = arrived.get() - distinct;
        long missing = recipients - distinct;
        double seconds = Math.max(1e-9, (lastNanos - firstNanos) / 1e9);
        double achieved = arrived.get() > 1 ? (arrived.get() - 1) / seconds : 0;
        System.out.printf("RESULT recipients=%d fanout_s=%.1f achieved_tps=%.0f duplicates=%d missing=%d%s%n",
                recipients, o.fanoutSeconds(), achieved, duplicates, missing, more);
    }

    /**
     * The SIGKILL run: subscribers and a broadcast due now are written here, then the hub (a child
     * JVM) fires and sends it through the simulator of this process; it is killed mid-run and
     * started again on the same data dir. Between the two, with no hub running, the store tells
     * which messages the simulator had that the hub had not stored as submitted: those were in flight,
     * and the only ones the restarted hub may send again.
     */
    private final class KilledHub {
        private final Path logDir;
        private final Path dataDir;

        KilledHub(Path dir) {
            this.logDir = dir;
            this.dataDir = dir.resolve("hub");
        }

        void run() throws IOException {
            Files.createDirectories(dataDir);
            String broadcastId;
            try (MongoStore store = MongoStore.open(StoreOptions.embedded(dataDir))) {
                makeSubscribers(store);
                BroadcastService service = new BroadcastService(new BroadcastStore(store),
                        new BroadcastOptions(ZONE, false, 0.05), Clock.systemUTC(), id -> { }, new AuditLog(store, Clock.systemUTC()),
                        Recordings.NONE);
                broadcastId = service.create(OFFICER, draft()).id();
                service.submit(OFFICER, broadcastId);
            }
            int port = freePort();
            SmscSimulator sim = SmscSimulator.start(SimOptions.on(port));
            sim.onMessage(m -> arrive(m.to()));
            try {
                HubProcess first = start("hub-1", port);
                System.out.printf("hub: child JVM ready (%s), log %s%n", first.awaitReadyQuietly(), first.log());
                while (arrived.get() < killAfter && first.isAlive()) sleep(2);
                first.kill();
                killNanos = System.nanoTime();
                long atKill = arrived.get();
                System.out.printf("before the kill: %d arrived at %.0f per second%n", atKill,
                        (atKill - 1) / Math.max(1e-9, (lastNanos - firstNanos) / 1e9));
                Set<String> before = Set.copyOf(phones.keySet());
                long[] inFlight = inFlight(before);
                System.out.printf("kill: SIGKILL after %d arrived; %d of them not stored as submitted (%d of those not stored at all)%n",
                        atKill, inFlight[0], inFlight[1]);
                try (HubProcess second = start("hub-2", port)) {
                    System.out.printf("hub: started again on the same data dir (%s)%n", second.awaitReadyQuietly());
                    awaitArrivals(() -> -1);
                    // what it took back waits for the SMSC's kept receipts; a resend then would be a duplicate
                    awaitSmsOutboxEmpty(second);
                }
                if (resumedNanos > 0) {
                    System.out.printf("after the restart: first message %.1f s after the kill, then %.0f per second%n",
                            (resumedNanos - killNanos) / 1e9,
                            (arrived.get() - atKill - 1) / Math.max(1e-9, (lastNanos - resumedNanos) / 1e9));
                }
                Occurrence o;
                try (MongoStore store = MongoStore.open(StoreOptions.embedded(dataDir))) {
                    o = new OccurrenceStore(store).find(Occurrence.idOf(broadcastId, 1));
                }
                report(o, String.format(" in_flight_at_kill=%d window=%d", inFlight[0], window * binds()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                sim.close();
            }
        }

        /** Until the hub's SMS outbox (queued parts and parts waiting to be checked) is empty, read from /metrics. */
        private void awaitSmsOutboxEmpty(HubProcess hub) {
            try {
                HttpClient http = HttpClient.newHttpClient();
                HttpRequest scrape = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.httpPort() + "/metrics")).build();
                long limit = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (System.nanoTime() < limit) {
                    Matcher m = SMS_DEPTH.matcher(http.send(scrape, HttpResponse.BodyHandlers.ofString()).body());
                    if (m.find() && Double.parseDouble(m.group(1)) == 0) break;
                    sleep(1_000);
                }
            } catch (Exception e) {
                System.out.printf("the hub's SMS outbox could not be read (%s): late duplicates may be missed%n", e);
            }
            sleep(2_000); // its last submits' arrivals
        }

        private HubProcess start(String name, int smscPort) throws IOException {
            Map<String, String> env = new HashMap<>();
            env.put("SANDIAN_DATA_DIR", dataDir.toAbsolutePath().toString());
            env.put("SANDIAN_HTTP_PORT", "0");
            env.put("SANDIAN_AGI_PORT", "0");
            env.put("SANDIAN_AGI_TTS", "false");
            env.put("SANDIAN_SMPP_HOST", "127.0.0.1");
            env.put("SANDIAN_SMPP_PORT", Integer.toString(smscPort));
            env.put("SANDIAN_SMPP_SYSTEM_ID", "sandian");
            env.put("SANDIAN_SMPP_PASSWORD", "secret");
            env.put("SANDIAN_SMPP_BINDS", Integer.toString(binds()));
            env.put("SANDIAN_SMPP_WINDOW", Integer.toString(window));
            env.put("SANDIAN_SMPP_TPS", Integer.toString(perBind()));
            env.put("SANDIAN_BROADCAST_SMS_PER_SECOND", Integer.toString(tps));
            env.put("SANDIAN_BROADCAST_WORKERS", Integer.toString(workers));
            return HubProcess.start(name, env, logDir, List.of("-Xmx1g", "-XX:+UseG1GC"));
        }

        /**
         * Of the phones the simulator had at the kill: {not stored as submitted, not stored at all}
         * in {@code sms_mt}, read with no hub running (one scan: a benchmark, not a hot path).
         */
        private long[] inFlight(Set<String> arrivedPhones) {
            Set<String> stored = new HashSet<>();
            Set<String> submitted = new HashSet<>();
            try (MongoStore store = MongoStore.open(StoreOptions.embedded(dataDir))) {
                for (Document d : store.collection("sms_mt", Document.class).find()
                        .projection(new Document("to", 1).append("state", 1)).batchSize(1_000)) {
                    String to = bare(d.getString("to"));
                    stored.add(to);
                    if (!"QUEUED".equals(d.getString("state"))) submitted.add(to);
                }
            }
            long notSubmitted = arrivedPhones.stream().filter(p -> !submitted.contains(p)).count();
            long notStored = arrivedPhones.stream().filter(p -> !stored.contains(p)).count();
            return new long[]{notSubmitted, notStored};
        }
    }

    private static final Pattern SMS_DEPTH = Pattern.compile("(?m)^sandian_outbox_depth\\{[^}]*outbox=\"sms\"[^}]*}\\s+(\\S+)");

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
