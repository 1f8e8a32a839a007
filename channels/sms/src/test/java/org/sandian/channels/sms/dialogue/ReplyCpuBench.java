package org.sandian.channels.sms.dialogue;

import io.vertx.core.Future;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.sandian.channels.sms.InboundMessage;
import org.sandian.channels.sms.codec.MtPart;
import org.sandian.channels.sms.codec.MtSplitter;
import org.sandian.content.answer.AnswerEngine;
import org.sandian.content.answer.AnswerService;
import org.sandian.content.demo.DemoData;
import org.sandian.content.model.Lang;
import org.sandian.content.snapshot.ContentSnapshot;
import org.sandian.content.snapshot.SnapshotLoader;
import org.sandian.content.store.ContentStores;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

/**
 * CPU per keyword reply on the dialogue's own path, without SMPP, store or event bus: the keywords
 * of {@code sandian bench sms} round-robin, from as many numbers as the bench sends from, through the real
 * {@link SmsDialogue} (parse, flood guard, answer engine over the demo snapshot, Freemarker, pager)
 * and the transport's {@link MtSplitter}, all on this thread. Prints microseconds of this thread's
 * CPU per message and a digest of the replies, which must not change when the path is made faster.
 * Not a test: run its {@code main} on the test classpath, e.g. {@code java -cp <test classpath>
 * org.sandian.channels.sms.dialogue.ReplyCpuBench [messages]} (default 200,000, after a warm-up).
 */
public final class ReplyCpuBench {

    /** The same keywords as {@code BenchSmsCommand}, in the same order. */
    static final List<String> KEYWORDS = List.of("价格玉米", "PRICE MAIZE WUHAN", "苞谷", "技术 水稻", "政策",
            "HELP", "JG 生猪", "TIP PADDY", "NEWS", "帮助", "价格 小龙虾 潜江", "PRCIE PIG", "行情 鸡蛋", "土豆");
    private static final String OWN = "12316";
    /** The bench's MOs each come from their own number, 20,000 of them by default. */
    private static final int NUMBERS = 20_000;
    private static final int MAX_PARTS = 2;

    private long parts;

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        try (MongoStore store = TestStore.open()) {
            ContentStores content = new ContentStores(store);
            // As the bench loads it: a week of prices.
            DemoData.load(AnswerHub.CLOCK, AnswerHub.ZONE).lastDays(7).loadInto(content);
            ContentSnapshot snapshot = new SnapshotLoader(content, AnswerHub.CLOCK).load();
            new ReplyCpuBench().run(new AnswerEngine(() -> snapshot, AnswerHub.CLOCK, AnswerHub.ZONE), count);
        }
    }

    private void run(AnswerEngine engine, int count) throws Exception {
        // The answer service's part for content questions: no profile, so the hub's default language.
        AnswerService answers = q -> Future.succeededFuture(engine.answer(q.lang() == null ? q.inLang(Lang.ZH) : q));
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        String[] last = new String[1];
        SmsDialogue dialogue = new SmsDialogue(answers,
                DialogueOptions.defaults(Set.of(OWN)).withZone(AnswerHub.ZONE, Lang.ZH), sms -> {
                    List<MtPart> split = MtSplitter.split(sms.text(), 1, MAX_PARTS);
                    parts += split.size();
                    last[0] = sms.text();
                    return CompletableFuture.completedFuture(sms.id());
                }, new BenchRate());

        for (int i = 0; i < KEYWORDS.size(); i++) {
            reply(dialogue, "+86135000000" + (10 + i), KEYWORDS.get(i)); // one number each: under the flood limit
            digest.update(last[0].getBytes(StandardCharsets.UTF_8));
        }
        String replies = HexFormat.of().formatHex(digest.digest()).substring(0, 16);

        send(dialogue, 8613600000000L, 50_000); // warm-up: JIT, template cache
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        parts = 0;
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        send(dialogue, 8613700000000L, count);
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        wall = System.nanoTime() - wall;
        System.out.printf("%d messages: %.1f us CPU per message (%.1f us wall), %.2f parts per reply,"
                + " replies digest %s%n", count, cpu / 1e3 / count, wall / 1e3 / count, (double) parts / count, replies);
    }

    /**
     * The dialogue's clock (flood guard, page buffer) advances as if 2,000 replies a second came in
     * (each reply reads it twice): a number's turn comes every 10 s, under the reply limit.
     */
    private static final class BenchRate extends Clock {
        private long micros = AnswerHub.CLOCK.instant().toEpochMilli() * 1_000;

        @Override
        public Instant instant() {
            micros += 250;
            return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
        }

        @Override
        public ZoneId getZone() {
            return AnswerHub.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** {@code n} MOs from the {@link #NUMBERS} numbers after {@code base} in turn, the keywords round-robin. */
    private static void send(SmsDialogue dialogue, long base, int n) {
        for (int i = 0; i < n; i++) reply(dialogue, "+" + (base + i % NUMBERS + 1), KEYWORDS.get(i % KEYWORDS.size()));
    }

    private static void reply(SmsDialogue dialogue, String from, String text) {
        dialogue.process(new InboundMessage("mo-" + from, from, OWN, text, Instant.EPOCH)).toCompletableFuture().join();
    }
}
