package org.sandian.ops.cli;

import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.sandian.broadcast.subscriber.DirectoryOptions;
import org.sandian.broadcast.subscriber.SubscriberDirectory;
import org.sandian.broadcast.subscriber.SubscriberStore;
import org.sandian.channels.sms.SmsChannel;
import org.sandian.channels.sms.SmsOptions;
import org.sandian.channels.sms.codec.Gsm7;
import org.sandian.channels.sms.dialogue.DialogueOptions;
import org.sandian.channels.sms.dialogue.SmsDialogue;
import org.sandian.channels.sms.sim.SimMessage;
import org.sandian.channels.sms.sim.SimOptions;
import org.sandian.channels.sms.sim.SmscSimulator;
import org.sandian.content.answer.AnswerEngine;
import org.sandian.content.answer.AnswerVerticle;
import org.sandian.content.answer.HubAnswerService;
import org.sandian.content.answer.MongoQueryLog;
import org.sandian.content.demo.DemoData;
import org.sandian.content.model.Lang;
import org.sandian.content.questions.QuestionDesk;
import org.sandian.content.questions.QuestionStore;
import org.sandian.content.questions.WorkingDays;
import org.sandian.content.snapshot.SnapshotHolder;
import org.sandian.content.snapshot.SnapshotLoader;
import org.sandian.content.store.ContentStores;
import org.sandian.content.store.Indexes;
import org.sandian.content.store.MongoStore;
import org.sandian.content.store.StoreOptions;
import org.sandian.ops.metrics.HubMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sandian bench sms}: the SMSC simulator and an SMS hub on loopback in this JVM (embedded
 * store in a temporary folder with the demo content, answer engine with its query log, questions
 * desk, subscriber directory, SMS channel bound over SMPP with the keyword dialogue). Injects N
 * keyword MOs, each from its own number, at a rate (0 = as fast as the simulator delivers), waits
 * for every reply and ends with one line
 * {@code RESULT replies_per_s=... p50_ms=... p99_ms=... lost=... duplicates=...}.
 * Latency is from injection at the simulator to the whole reply received by it. The simulator
 * sends a receipt for every part, 32 at a time like an SMSC's window; after the warm-up the bench
 * waits for the warm-up's receipts, and after the run it says how late the run's came, so that a
 * figure never leaves the receipts' cost out of the run it measures.
 */
@Command(name = "sms", mixinStandardHelpOptions = true,
        description = "Keyword MOs through a real SMPP bind to the hub and back; prints replies/s and latency.")
public final class BenchSmsCommand implements Callable<Integer> {

    /** What farmers send, both languages, every content keyword family. */
    private static final List<String> KEYWORDS = List.of("价格玉米", "PRICE MAIZE WUHAN", "苞谷", "技术 水稻", "政策",
            "HELP", "JG 生猪", "TIP PADDY", "NEWS", "帮助", "价格 小龙虾 潜江", "PRCIE PIG", "行情 鸡蛋", "土豆");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String SHORT_CODE = "12316";
    private static final java.util.regex.Pattern STATE = java.util.regex.Pattern.compile("state=\"([a-z]+)\"");

    private static final int WARM_UP_SLICE_SECONDS = 5;
    private static final int WARM_UP_MIN_SLICES = 2;
    private static final int WARM_UP_QUIET_SLICES = 3;
    /** Compiling under 1% of the 2 cores' time in a slice. */
    private static final long WARM_UP_QUIET_JIT_MS = 100;

    @Option(names = "--count", description = "MOs to send (default ${DEFAULT-VALUE})")
    int count = 20_000;

    @Option(names = "--rate", description = "MOs per second; 0 = full speed (default ${DEFAULT-VALUE})")
    int rate = 0;

    @Option(names = "--binds", description = "SMPP binds of the hub (default ${DEFAULT-VALUE})")
    int binds = 1;

    @Option(names = "--window", description = "outstanding submit_sm per bind (default ${DEFAULT-VALUE})")
    int window = 64;

    @Option(names = "--tps", description = "submits/s per bind the hub allows itself (default ${DEFAULT-VALUE})")
    int tps = 20_000;

    @Option(names = "--pdu-threads", description = "jSMPP threads handling inbound PDUs per bind: MOs stored at once"
            + " (default ${DEFAULT-VALUE})")
    int pduThreads = 32;

    @Option(names = "--no-receipts", description = "ask for no delivery receipts (production asks for them)")
    boolean noReceipts;

    /**
     * A hub in service has its hot code compiled; on 2 cores the JIT took a quarter of the CPU of a
     * run after 2,000 MOs, and still a fifth after 60,000 (2026-12-03), so the default warms up long.
     */
    @Option(names = "--warmup", description = "MOs sent and answered at full speed before measuring, so that the JIT"
            + " has compiled the hot code as in a hub in service; with --rate, MOs at the rate follow until the JIT is"
            + " quiet (0 = no warm-up at all; default ${DEFAULT-VALUE})")
    int warmup = 100_000;

    @Option(names = "--paced-warmup-max", description = "seconds the warm-up at --rate may last at most while the JIT"
            + " is still compiling (at least 10; default ${DEFAULT-VALUE})")
    int pacedWarmUpMaxSeconds = 180;

    @Option(names = "--metrics-port", description = "serve /metrics (Prometheus) on this port while the bench runs,"
            + " 0 = any free port, and print the MO and MT counters scraped before and after (default: off)")
    Integer metricsPort;

    private Stages stages;
    /** MOs the simulator was given, warm-ups included. */
    private long injected;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("sandian-bench-sms-");
        Clock clock = Clock.systemUTC();
        Vertx vertx = Vertx.vertx();
        int port = freePort();
        boolean receipts = !noReceipts;
        Replies replies = new Replies();
        stages = new Stages();
        HubMetrics metrics = metricsPort == null ? null : HubMetrics.start();
        String scrapeUrl = metrics == null ? null : serveMetrics(vertx, metrics, metricsPort);
        try (MongoStore store = MongoStore.open(StoreOptions.embedded(dir));
             SmscSimulator sim = SmscSimulator.start(SimOptions.on(port).withReceipts(receipts, false))) {
            sim.onMessage(replies::arrived);
            SmsDialogue[] dialogue = new SmsDialogue[1];
            SmsChannel channel = startHub(vertx, store, clock, port, dir, receipts, dialogue);
            waitFor(channel::allBound, 15_000);
            System.out.printf("hub bound to the simulator on 127.0.0.1:%d with %d bind(s), window %d, %d PDU threads,"
                    + " receipts %s%n", port, binds, window, pduThreads, receipts ? "on" : "off");

            if (warmup > 0) {
                Run warm = run(sim, replies, "8613600000000", warmup, 0);
                System.out.printf("warm-up: %d MOs, %d replies%s%n", warmup, warm.replied(),
                        receiptsClause(receipts, awaitReceipts(sim, warm)));
                injected += warmup;
                if (rate > 0) injected += warmUpPaced(sim, replies);
            }
            if (scrapeUrl != null) System.out.println("metrics before: " + smsCounters(scrapeUrl));
            long compiling = jitMillis();
            Run run = run(sim, replies, "8613700000000", count, rate);
            injected += count;
            compiling = jitMillis() - compiling;
            if (scrapeUrl != null) System.out.println("metrics after:  " + smsCounters(scrapeUrl));
            long[] latencies = run.latencies();
            double seconds = (run.lastReply - run.start) / 1e9;
            double repliesPerSecond = run.replied() / Math.max(seconds, 1e-9);
            System.out.printf("%d MOs %s: %d replies in %.2f s; injected in %.2f s%n", count,
                    rate == 0 ? "at full speed" : "at " + rate + "/s", run.replied(), seconds,
                    (run.injected - run.start) / 1e9);
            if (receipts) {
                System.out.printf("the run: its receipts answered %.1f s after its last reply%n", awaitReceipts(sim, run));
            }
            System.out.printf("JIT compiling during the run: %.1f s of CPU%n", compiling / 1e3);
            System.out.printf("MOs handled by the dialogue: %d of %d injected (more means an MO was delivered twice)%n",
                    dialogue[0].handled(), injected);
            stages.print(run);
            System.out.printf("latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", ms(latencies, 50),
                    ms(latencies, 90), ms(latencies, 99), ms(latencies, 100));
            System.out.printf("RESULT replies_per_s=%.0f p50_ms=%.1f p99_ms=%.1f lost=%d duplicates=%d%n",
                    repliesPerSecond, ms(latencies, 50), ms(latencies, 99), count - run.replied(), run.duplicates());
            return count - run.replied() == 0 && run.duplicates() == 0 ? 0 : 1;
        } finally {
            await(vertx.close());
            if (metrics != null) metrics.close();
            deleteTree(dir);
        }
    }

    /** GET /metrics on loopback, as Prometheus would scrape the hub; returns its URL. */
    private static String serveMetrics(Vertx vertx, HubMetrics metrics, int port) throws Exception {
        Router router = Router.router(vertx);
        metrics.mount(router);
        int bound = await(vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1")).actualPort();
        String url = "http://127.0.0.1:" + bound + HubMetrics.PATH;
        System.out.println("metrics: " + url);
        return url;
    }

    /**
     * A paced run takes paths a full-speed one never does (an empty queue, a poll that times out),
     * and the store takes some only as its file grows: H2 code first met late costs a recompile of
     * its hottest method (C2 took 0.7 to 1.3 s of a core for {@code MVMap.operate}, 60 s into a
     * paced warm-up), which on 2 cores held p99 of that 5 s at 210 to 240 ms. A hub in service has
     * all of it compiled, so the warm-up goes on at the rate, 5 s at a time, until the JIT has been
     * quiet for three slices in a row (or for {@code --paced-warmup-max}). Returns the MOs it injected.
     */
    private long warmUpPaced(SmscSimulator sim, Replies replies) throws InterruptedException {
        long sent = 0;
        long replied = 0;
        int quietInARow = 0;
        int slices = 0;
        StringBuilder jitPerSlice = new StringBuilder();
        int maxSlices = Math.max(WARM_UP_MIN_SLICES, pacedWarmUpMaxSeconds / WARM_UP_SLICE_SECONDS);
        while (slices < WARM_UP_MIN_SLICES || quietInARow < WARM_UP_QUIET_SLICES && slices < maxSlices) {
            long compiling = jitMillis();
            Run slice = run(sim, replies, Long.toString(8613650000000L + sent), rate * WARM_UP_SLICE_SECONDS, rate);
            awaitReceipts(sim, slice);
            compiling = jitMillis() - compiling;
            quietInARow = compiling < WARM_UP_QUIET_JIT_MS ? quietInARow + 1 : 0;
            sent += rate * WARM_UP_SLICE_SECONDS;
            replied += slice.replied();
            slices++;
            jitPerSlice.append(slices == 1 ? "" : ", ").append(compiling);
        }
        System.out.printf("warm-up at %d/s: %d MOs, %d replies in %d s, %s; JIT ms per %d s: %s%n", rate, sent,
                replied, slices * WARM_UP_SLICE_SECONDS, quietInARow >= WARM_UP_QUIET_SLICES ? "until the JIT was quiet"
                        : "the JIT still compiling at its end", WARM_UP_SLICE_SECONDS, jitPerSlice);
        return sent;
    }

    /** The SMS counters of one real scrape: MO handed over, MT by state. */
    private static String smsCounters(String url) throws Exception {
        String text = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("mongodb_driver_commands_seconds_count{")) {
                out.append(line.replaceAll(".*collection=\"([^\"]*)\".*command=\"([^\"]*)\".*\\} ", "$1.$2=")).append("; ");
                continue;
            }
            if (!line.startsWith("sandian_mo_total{") && !line.startsWith("sandian_mt_total{")) continue;
            java.util.regex.Matcher state = STATE.matcher(line);
            out.append(line, 0, line.indexOf('{')).append(state.find() ? "{state=" + state.group(1) + "}" : "")
                    .append(line.substring(line.lastIndexOf('}') + 1)).append("; ");
        }
        return out.length() == 0 ? "(no SMS counters yet)" : out.toString();
    }

    /** The temporary store goes with the run (a full run leaves tens of MB). */
    private static void deleteTree(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** The hub's SMS path as ops assembles it, on this JVM's event bus. */
    private SmsChannel startHub(Vertx vertx, MongoStore store, Clock clock, int port, Path dir, boolean receipts,
                                SmsDialogue[] dialogueOut) throws Exception {
        ContentStores content = new ContentStores(store);
        content.ensureIndexes();
        Indexes.ensure(store, MongoQueryLog.INDEXES);
        Indexes.ensure(store, QuestionStore.INDEXES);
        System.out.println("loading demo content into an embedded store in " + dir + " ...");
        // A week of prices: answers read the latest report and the one before it.
        DemoData.load(clock, ZONE).lastDays(7).loadInto(content);
        SnapshotHolder snapshot = new SnapshotHolder(vertx, new SnapshotLoader(content, clock));
        MongoQueryLog queryLog = new MongoQueryLog(store, clock);
        AnswerEngine engine = new AnswerEngine(snapshot, clock, ZONE);
        deploy(vertx, new AnswerVerticle(snapshot, new HubAnswerService(vertx, engine, queryLog, Lang.ZH)));
        deploy(vertx, new QuestionDesk(new QuestionStore(store, clock, WorkingDays.mondayToFriday(ZONE))));
        deploy(vertx, new SubscriberDirectory(new SubscriberStore(store), DirectoryOptions.defaults(), clock));

        SmsOptions options = SmsOptions.of("127.0.0.1", port, "sandian", "secret").withSource(SHORT_CODE)
                .withBinds(binds).withFlow(window, tps).withReceipts(receipts)
                .withTimers(Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(60))
                .toBuilder().pduThreads(pduThreads).build();
        // Every MO comes from its own number: the per-number reply limit stays as in production.
        DialogueOptions dialogueOptions = DialogueOptions.defaults(Set.of(SHORT_CODE)).withZone(ZONE, Lang.ZH);
        AtomicReference<SmsChannel> channel = new AtomicReference<>();
        SmsDialogue dialogue = new SmsDialogue(vertx, dialogueOptions, mt -> {
            stages.queued(mt.to());
            return channel.get().sender().send(mt);
        }, clock);
        dialogueOut[0] = dialogue;
        channel.set(new SmsChannel(options, store, mo -> {
            stages.received(mo.from());
            stages.ids.merge(mo.id(), 1, Integer::sum);
            dialogue.onMessage(mo);
        }, clock));
        deploy(vertx, channel.get());
        return channel.get();
    }

    /** Injects {@code n} MOs from numbers {@code base+1..base+n}, paced at {@code perSecond} (0 = no pacing). */
    private Run run(SmscSimulator sim, Replies replies, String base, int n, int perSecond) throws InterruptedException {
        long first = Long.parseLong(base);
        Run run = new Run(n);
        replies.current = run;
        run.start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (perSecond > 0) {
                long due = run.start + (long) (i * (1e9 / perSecond));
                long wait = due - System.nanoTime();
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
            }
            String from = Long.toString(first + i + 1);
            String text = KEYWORDS.get(i % KEYWORDS.size());
            run.sentAt.put(from, System.nanoTime());
            sim.injectMo(from, SHORT_CODE, text, Gsm7.canEncode(text) ? 0 : 8);
        }
        run.injected = System.nanoTime();
        // Every reply, or no progress for 10 s.
        int seen = -1;
        long stalledSince = System.nanoTime();
        while (run.replied() < n) {
            int now = run.replied();
            if (now != seen) {
                seen = now;
                stalledSince = System.nanoTime();
            } else if (System.nanoTime() - stalledSince > 10_000_000_000L) {
                break;
            }
            Thread.sleep(5);
        }
        Thread.sleep(500); // late duplicates show up here
        return run;
    }

    /**
     * Waits until the simulator has every receipt it owes answered, so that the next run does not
     * pay for this one's; returns how long after the run's last reply that was, in seconds.
     */
    private static double awaitReceipts(SmscSimulator sim, Run run) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (sim.receiptsPending() > 0 && System.nanoTime() < end) Thread.sleep(5);
        return (System.nanoTime() - run.lastReply) / 1e9;
    }

    /** The warm-up line's words on receipts: none when the run asked for none. */
    private static String receiptsClause(boolean receipts, double answeredAfterSeconds) {
        return receipts ? String.format("; its receipts answered %.1f s after its last reply", answeredAfterSeconds) : "";
    }

    /** CPU time the JIT compilers have spent so far. */
    private static long jitMillis() {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** Replies as the simulator assembles them, credited to the run in progress. */
    private static final class Replies {
        volatile Run current;

        void arrived(SimMessage m) {
            Run run = current;
            if (run != null) run.arrived(m.to(), System.nanoTime());
        }
    }

    private static final class Run {
        final Map<String, Long> sentAt;
        final Map<String, AtomicInteger> got;
        final Map<String, Long> firstReply;
        final long[] latency;
        final AtomicInteger replied = new AtomicInteger();
        final AtomicInteger duplicates = new AtomicInteger();
        volatile long start;
        volatile long injected;
        volatile long lastReply;

        Run(int n) {
            sentAt = new ConcurrentHashMap<>(n * 2);
            got = new ConcurrentHashMap<>(n * 2);
            firstReply = new ConcurrentHashMap<>(n * 2);
            latency = new long[n];
        }

        void arrived(String to, long at) {
            String from = to.startsWith("+") ? to.substring(1) : to;
            Long sent = sentAt.get(from);
            if (sent == null) return; // a late reply of the warm-up
            int times = got.computeIfAbsent(from, k -> new AtomicInteger()).incrementAndGet();
            if (times > 1) {
                duplicates.incrementAndGet();
                return;
            }
            firstReply.put(from, at);
            int i = replied.getAndIncrement();
            if (i < latency.length) latency[i] = at - sent;
            lastReply = at;
        }

        int replied() {
            return replied.get();
        }

        int duplicates() {
            return duplicates.get();
        }

        long[] latencies() {
            long[] l = Arrays.copyOf(latency, Math.min(replied(), latency.length));
            Arrays.sort(l);
            return l;
        }
    }

    /** When each MO reached the dialogue and when its reply was queued, to see which stage is slow. */
    private static final class Stages {
        final Map<String, Long> received = new ConcurrentHashMap<>();
        final Map<String, Long> queued = new ConcurrentHashMap<>();
        final Map<String, Integer> ids = new ConcurrentHashMap<>();

        void received(String from) {
            received.put(from.replace("+", ""), System.nanoTime());
        }

        void queued(String to) {
            queued.put(to.replace("+", ""), System.nanoTime());
        }

        void print(Run run) {
            long[] toHub = new long[run.sentAt.size()];
            long[] inDialogue = new long[run.sentAt.size()];
            long[] toHandset = new long[run.sentAt.size()];
            int n = 0;
            for (Map.Entry<String, Long> e : run.sentAt.entrySet()) {
                Long r = received.get(e.getKey());
                Long q = queued.get(e.getKey());
                Long a = run.firstReply.get(e.getKey());
                if (r == null || q == null || a == null) continue;
                toHub[n] = r - e.getValue();
                inDialogue[n] = q - r;
                toHandset[n] = a - q;
                n++;
            }
            for (long[] l : List.of(toHub, inDialogue, toHandset)) Arrays.sort(l, 0, n);
            long again = ids.values().stream().filter(c -> c > 1).count();
            if (again > 0) System.out.printf("MO ids handed to the dialogue more than once: %d%n", again);
            System.out.printf("stages p50/p99 ms: SMSC to MO handler %.1f/%.1f, dialogue (answer, render, queue) %.1f/%.1f,"
                    + " outbox to handset %.1f/%.1f%n", ms(Arrays.copyOf(toHub, n), 50), ms(Arrays.copyOf(toHub, n), 99),
                    ms(Arrays.copyOf(inDialogue, n), 50), ms(Arrays.copyOf(inDialogue, n), 99),
                    ms(Arrays.copyOf(toHandset, n), 50), ms(Arrays.copyOf(toHandset, n), 99));
        }
    }

    private static double ms(long[] sorted, int percentile) {
        if (sorted.length == 0) return 0;
        int i = Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1));
        return sorted[i] / 1e6;
    }

    private static void deploy(Vertx vertx, Deployable verticle) throws Exception {
        await(vertx.deployVerticle(verticle));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) throw new IllegalStateException("the hub did not bind to the simulator");
            Thread.sleep(10);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    }
}
