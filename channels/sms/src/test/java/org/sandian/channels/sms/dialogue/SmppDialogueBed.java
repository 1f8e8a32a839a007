package org.sandian.channels.sms.dialogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.sandian.channels.sms.SmsChannel;
import org.sandian.channels.sms.SmsOptions;
import org.sandian.channels.sms.sim.SimMessage;
import org.sandian.channels.sms.sim.SimOptions;
import org.sandian.channels.sms.sim.SmscSimulator;
import org.sandian.content.model.Lang;
import org.sandian.content.questions.QuestionDesk;
import org.sandian.content.questions.QuestionStore;
import org.sandian.content.questions.WorkingDays;
import org.sandian.content.store.MongoStore;

/**
 * The whole SMS path on loopback: the simulator, the SMS channel bound to it with the keyword
 * dialogue as its MO handler, the answer engine over the demo content, the questions desk, and the
 * subscriber directory from broadcast when it is on the class path.
 */
final class SmppDialogueBed implements AutoCloseable {

    static final String SHORT_CODE = "12316";
    private static final String DIRECTORY = "org.sandian.broadcast.subscriber.SubscriberDirectory";

    final AnswerHub hub;
    final SmscSimulator sim;
    final SmsDialogue dialogue;
    final SmsChannel channel;
    final boolean directory;
    private final AtomicInteger injected = new AtomicInteger();

    private SmppDialogueBed(AnswerHub hub, SmscSimulator sim, SmsDialogue dialogue, SmsChannel channel,
                            boolean directory) {
        this.hub = hub;
        this.sim = sim;
        this.dialogue = dialogue;
        this.channel = channel;
        this.directory = directory;
    }

    static SmppDialogueBed start(DialogueOptions options) throws Exception {
        AnswerHub hub = AnswerHub.start();
        int port = freePort();
        SmscSimulator sim = SmscSimulator.start(SimOptions.on(port).withReceipts(false, false));
        Clock clock = Clock.systemUTC();
        AnswerHub.await(hub.vertx.deployVerticle(new QuestionDesk(
                new QuestionStore(hub.store, clock, WorkingDays.mondayToFriday(AnswerHub.ZONE)))));
        boolean directory = deployDirectory(hub);
        SmsChannel[] channel = new SmsChannel[1];
        SmsDialogue dialogue = new SmsDialogue(hub.vertx, options, sms -> channel[0].sender().send(sms), clock);
        channel[0] = new SmsChannel(SmsOptions.of("127.0.0.1", port, "sandian", "secret").withSource(SHORT_CODE)
                .withTimers(Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(5)),
                hub.store, dialogue, clock);
        AnswerHub.await(hub.vertx.deployVerticle(channel[0]));
        SmppDialogueBed bed = new SmppDialogueBed(hub, sim, dialogue, channel[0], directory);
        await(channel[0]::allBound, 10_000, "SMPP bind");
        return bed;
    }

    static DialogueOptions options() {
        return DialogueOptions.defaults(Set.of(SHORT_CODE)).withZone(AnswerHub.ZONE, Lang.ZH);
    }

    /** broadcast's subscriber directory, when the module is on the class path (sms does not depend on it). */
    private static boolean deployDirectory(AnswerHub hub) throws Exception {
        Class<?> type;
        try {
            type = Class.forName(DIRECTORY);
        } catch (ClassNotFoundException e) {
            return false;
        }
        Class<?> storeType = Class.forName("org.sandian.broadcast.subscriber.SubscriberStore");
        Class<?> optionsType = Class.forName("org.sandian.broadcast.subscriber.DirectoryOptions");
        Object store = storeType.getConstructor(MongoStore.class).newInstance(hub.store);
        Object options = optionsType.getMethod("defaults").invoke(null);
        Constructor<?> make = type.getConstructor(storeType, optionsType, Clock.class);
        AnswerHub.await(hub.vertx.deployVerticle((io.vertx.core.Deployable) make.newInstance(store, options,
                Clock.systemUTC())));
        return true;
    }

    /** The MT messages the handset of {@code phone} ("+86...") has received, in order. */
    List<String> received(String phone) {
        String digits = phone.replace("+", "");
        return sim.messages().stream().filter(m -> m.to().replace("+", "").equals(digits)).map(SimMessage::text)
                .toList();
    }

    /** Texts {@code text} from {@code phone} and returns the reply it gets. */
    String ask(String phone, String text) {
        int before = received(phone).size();
        send(phone, text);
        await(() -> received(phone).size() > before, 10_000, "a reply to " + text);
        return received(phone).get(before);
    }

    void send(String phone, String text) {
        boolean gsm = org.sandian.channels.sms.codec.Gsm7.canEncode(text);
        injected.incrementAndGet();
        sim.injectMo(phone.replace("+", ""), SHORT_CODE, text, gsm ? 0 : 8);
    }

    /** Injects a long MO in parts; the dialogue sees it as one message. */
    void sendLong(String phone, String text, int[] order) {
        injected.incrementAndGet();
        sim.injectLongMo(phone.replace("+", ""), SHORT_CODE, text, 8, 60, SmscSimulator.ConcatMode.UDH8, 42, order);
    }

    /** Waits until every injected MO is handled and every reply submitted. */
    void awaitQuiet() {
        BooleanSupplier quiet = () -> dialogue.handled() >= injected.get()
                && channel.health().queued() == 0 && channel.health().inFlight() == 0;
        await(quiet, 10_000, "quiet");
        try {
            Thread.sleep(100); // an MT between the outbox and the window counts in neither
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        await(quiet, 10_000, "quiet");
    }

    static void await(BooleanSupplier condition, long millis, String what) {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        hub.close();
        sim.close();
    }
}
