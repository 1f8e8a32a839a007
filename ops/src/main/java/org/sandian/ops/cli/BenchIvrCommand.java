package org.sandian.ops.cli;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.sandian.channels.voice.VoiceChannel;
import org.sandian.channels.voice.VoiceOptions;
import org.sandian.channels.voice.emulated.AsteriskLine;
import org.sandian.channels.voice.menu.MenuNode;
import org.sandian.channels.voice.menu.MenuStore;
import org.sandian.channels.voice.menu.Prompt;
import org.sandian.channels.voice.menu.VoiceMenu;
import org.sandian.channels.voice.speech.EspeakSpeechRenderer;
import org.sandian.channels.voice.speech.SpeechRenderer;
import org.sandian.content.answer.AnswerEngine;
import org.sandian.content.answer.AnswerVerticle;
import org.sandian.content.answer.HubAnswerService;
import org.sandian.content.answer.QueryLog;
import org.sandian.content.demo.DemoData;
import org.sandian.content.model.Lang;
import org.sandian.content.snapshot.SnapshotHolder;
import org.sandian.content.snapshot.SnapshotLoader;
import org.sandian.content.store.ContentStores;
import org.sandian.content.store.MongoStore;
import org.sandian.content.store.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sandian bench ivr}: the voice channel on loopback in this JVM (embedded store with the demo
 * content, the answer engine on the bus, the FastAGI server) and N emulated Asterisk calls at once,
 * each walking the price menu: Chinese, prices, maize by its short key, back, paddy rice by its
 * typed code 101#, back, {@code --rounds} times, then hanging up. A turn is one AGI command answered:
 * its server time runs from the reply written to the script's next command read (call setup, up to
 * the first command, is reported apart). Ends with
 * {@code RESULT calls=... turns_per_s=... p99_turn_ms=... errors=...}.
 */
@Command(name = "ivr", mixinStandardHelpOptions = true,
        description = "Concurrent emulated calls walking the hotline's price menu over FastAGI; prints turn latency.")
public final class BenchIvrCommand implements Callable<Integer> {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final char NONE = 0;
    /** After the language and main menus: maize by key (then the pause), back; 101# typed, back. */
    private static final char[] ROUND = {'2', NONE, '#', '1', '0', '1', '#', '#'};

    @Option(names = "--calls", description = "concurrent calls (default ${DEFAULT-VALUE})")
    int calls = 300;

    @Option(names = "--rounds", description = "price look-ups per call, two each (default ${DEFAULT-VALUE})")
    int rounds = 3;

    @Option(names = "--think-ms", description = "caller's mean pause before each key (0.5x to 1.5x, random), as a person"
            + " would; calls also start spread over one pause; 0 = keys at once, all calls together (default ${DEFAULT-VALUE})")
    int thinkMs = 1000;

    @Option(names = "--speech", description = "espeak (rendered once, then cached) or none (default ${DEFAULT-VALUE})")
    String speech = "espeak";

    @Option(names = "--trace", description = "print the turns of one call and each step's p99 across calls")
    boolean trace;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("sandian-bench-ivr-");
        Clock clock = Clock.systemUTC();
        Vertx vertx = Vertx.vertx();
        try (MongoStore store = MongoStore.open(StoreOptions.embedded(dir.resolve("store")))) {
            VoiceChannel voice = startHub(vertx, store, clock, dir);
            System.out.printf("voice channel on 127.0.0.1:%d, speech %s, %d calls x %d rounds, think %d ms%n",
                    voice.agiPort(), voice.health().tts() ? "on" : "off", calls, rounds, thinkMs);
            Run first = run(voice.agiPort(), 1, "w");
            Run warm = run(voice.agiPort(), Math.min(calls, 50), "x");
            System.out.printf("warm-up: 1 call then %d at once, %d turns, %d errors (prices rendered and cached, JIT)%n",
                    Math.min(calls, 50), first.turns() + warm.turns(), first.errors + warm.errors);
            long cpuBefore = processCpuNanos();
            Run run = run(voice.agiPort(), calls, "b");
            long cpu = processCpuNanos() - cpuBefore;
            long[] t = run.sorted();
            double seconds = run.nanos / 1e9;
            double turnsPerSecond = t.length / Math.max(seconds, 1e-9);
            System.out.printf("%d calls, %d turns in %.2f s; server time per turn p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    calls, t.length, seconds, ms(t, 50), ms(t, 90), ms(t, 99), ms(t, 100));
            long[] setups = run.setups();
            System.out.printf("call setup (connect, agi_ block, first prompt): p50 %.2f ms, p99 %.2f ms%n",
                    ms(setups, 50), ms(setups, 99));
            System.out.printf("CPU of this JVM (hub and emulated Asterisk together): %.3f ms per turn; load average %.1f on %d cores%n",
                    cpu / 1e6 / Math.max(t.length, 1), java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
            if (trace) byPosition(run);
            System.out.printf("health after the run: %s%n", voice.health());
            System.out.printf("RESULT calls=%d turns_per_s=%.0f p99_turn_ms=%.2f errors=%d%n", calls, turnsPerSecond,
                    ms(t, 99), run.errors);
            return run.errors == 0 ? 0 : 1;
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    private VoiceChannel startHub(Vertx vertx, MongoStore store, Clock clock, Path dir) throws Exception {
        ContentStores content = new ContentStores(store);
        DemoData demo = DemoData.load(clock, ZONE);
        LocalDate since = LocalDate.now(clock.withZone(ZONE)).minusDays(7);
        new DemoData(demo.commodities(), demo.regions(), demo.markets(),
                demo.prices().stream().filter(p -> !p.date().isBefore(since)).toList(), demo.notices(), demo.guidance())
                .loadInto(content);
        SnapshotHolder snapshot = new SnapshotHolder(vertx, new SnapshotLoader(content, clock));
        AnswerEngine engine = new AnswerEngine(snapshot, clock, ZONE);
        HubAnswerService answers = new HubAnswerService(vertx, engine, QueryLog.NONE, Lang.ZH);
        vertx.deployVerticle(new AnswerVerticle(snapshot, answers)).await(60, TimeUnit.SECONDS);
        VoiceOptions options = VoiceOptions.defaults(dir.resolve("sounds")).withAgi("127.0.0.1", 0)
                .withMaxCalls(Math.max(calls, 1)).withTts(!"none".equals(speech));
        SpeechRenderer renderer = "none".equals(speech) ? SpeechRenderer.NONE
                : new EspeakSpeechRenderer(options.soundsDir(), options.espeakCommand(), options.soxCommand());
        // Every static prompt rendered before the clock starts (the channel would do it in the background).
        VoiceMenu menu = MenuStore.shippedDefault();
        for (Lang lang : Lang.values()) {
            for (Prompt p : menu.prompts().values()) renderer.render(p.text(lang), lang);
            for (MenuNode node : menu.nodes()) renderer.render(node.prompt().text(lang), lang);
        }
        VoiceChannel voice = new VoiceChannel(options, store, renderer);
        vertx.deployVerticle(voice).await(60, TimeUnit.SECONDS);
        return voice;
    }

    /** Turn times of every call, and calls that did not go as planned. */
    private static final class Run {
        final List<long[]> perCall = new ArrayList<>();
        int errors;
        long nanos;

        int turns() {
            return perCall.stream().mapToInt(a -> Math.max(a.length - 1, 0)).sum();
        }

        /** Menu turns; the first exchange of each call (connection, agi_ block, first prompt) is {@link #setups()}. */
        long[] sorted() {
            long[] all = new long[turns()];
            int i = 0;
            for (long[] a : perCall) for (int j = 1; j < a.length; j++) all[i++] = a[j];
            Arrays.sort(all);
            return all;
        }

        long[] setups() {
            return perCall.stream().filter(a -> a.length > 0).mapToLong(a -> a[0]).sorted().toArray();
        }
    }

    private Run run(int port, int n, String prefix) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<long[]>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = prefix + "." + i;
            String caller = String.format("+86137%08d", i);
            results.add(callers.submit(() -> {
                ready.countDown();
                go.await();
                if (thinkMs > 0) Thread.sleep(ThreadLocalRandom.current().nextInt(thinkMs));
                return new EmulatedCall(port, id, caller).walk();
            }));
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        Run run = new Run();
        for (Future<long[]> f : results) {
            try {
                run.perCall.add(f.get(10, TimeUnit.MINUTES));
            } catch (Exception e) {
                run.errors++;
                if (run.errors <= 5) System.out.println("call failed: " + e.getCause());
            }
        }
        run.nanos = System.nanoTime() - start;
        callers.shutdownNow();
        return run;
    }

    /** Asterisk's side of one call ({@link AsteriskLine}): answers each AGI command, presses the planned keys, hangs up. */
    private final class EmulatedCall {
        private final AsteriskLine line;
        private final List<Long> turns = new ArrayList<>();
        private final List<String> kinds = new ArrayList<>();
        private final String id;

        EmulatedCall(int port, String id, String caller) throws IOException {
            this.id = id;
            line = AsteriskLine.call("127.0.0.1", port, "hotline", caller, id, "zh", "PJSIP/bench-" + id, 30_000);
        }

        long[] walk() throws Exception {
            List<Character> keys = new ArrayList<>(List.of('1', '1'));
            for (int r = 0; r < rounds; r++) for (char k : ROUND) keys.add(k);
            int next = 0;
            try (line) {
                while (true) {
                    String command = command();
                    if (command.startsWith("STREAM FILE") || command.startsWith("SAY ")) {
                        line.result("0 endpos=8000");
                    } else if (command.startsWith("WAIT FOR DIGIT")) {
                        if (next == keys.size()) {
                            line.hangUpDuringCommand();
                            break;
                        }
                        if (thinkMs > 0) Thread.sleep(thinkMs / 2 + ThreadLocalRandom.current().nextInt(thinkMs));
                        line.key(keys.get(next++));
                    } else {
                        throw new IllegalStateException("unexpected command " + command + " after " + next + " keys");
                    }
                }
                // The script reports its status on the way out, then closes.
                while (line.command() != null) line.reply(AsteriskLine.DEAD);
            }
            long[] out = new long[turns.size()];
            for (int i = 0; i < out.length; i++) out[i] = turns.get(i);
            if (trace && id.equals("b.0")) {
                for (int i = 0; i < out.length; i++) System.out.printf("turn %2d %-14s %8.2f ms%n", i, kinds.get(i), out[i] / 1e6);
            }
            return out;
        }

        private String command() throws IOException {
            String c = line.command();
            if (c == null) throw new IOException("script hung up early after " + turns.size() + " turns");
            turns.add(System.nanoTime() - line.lastSentNanos());
            kinds.add(c.length() > 14 ? c.substring(0, 14) : c);
            return c;
        }
    }

    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** p99 of each turn of the walk across calls: which step is slow. */
    private static void byPosition(Run run) {
        int n = run.perCall.stream().mapToInt(a -> a.length).max().orElse(0);
        for (int i = 0; i < n; i++) {
            List<Long> at = new ArrayList<>();
            for (long[] a : run.perCall) if (i < a.length) at.add(a[i]);
            long[] sorted = at.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("turn %2d p50 %7.2f p99 %7.2f max %7.2f ms%n", i, ms(sorted, 50), ms(sorted, 99), ms(sorted, 100));
        }
    }

    private static double ms(long[] sorted, int percentile) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }
}
