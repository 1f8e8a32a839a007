package org.sandian.channels.voice;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.sandian.content.answer.Answer;
import org.sandian.content.answer.AnswerEngine;
import org.sandian.content.answer.AnswerVerticle;
import org.sandian.content.answer.HubAnswerService;
import org.sandian.content.answer.QueryLog;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.FarmerProfile;
import org.sandian.content.bus.MessageTypes;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.bus.RecordCodec;
import org.sandian.content.bus.SubscriberCommand;
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
import org.sandian.content.testing.TestStore;

/**
 * The real answer engine and questions desk on a real event bus over the embedded store with the
 * demo content. The modules voice talks to from outside content (subscriber directory, SMS channel)
 * are played by small consumers that record what they receive and answer as their contracts say.
 */
final class HubFixture implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    final Vertx vertx = Vertx.vertx();
    final MongoStore store = TestStore.open();
    final Map<String, FarmerProfile> profiles = new ConcurrentHashMap<>();
    final List<SubscriberCommand> subscriberCommands = new CopyOnWriteArrayList<>();
    final List<OutboundSms> sms = new CopyOnWriteArrayList<>();

    private static HubFixture shared;

    /** One hub for every test class of the module (loading the demo content takes most of the time). */
    static synchronized HubFixture shared() throws Exception {
        if (shared == null) {
            shared = new HubFixture();
            HubFixture h = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    h.close();
                } catch (Exception e) {
                    // the JVM is going away
                }
            }));
        }
        return shared;
    }

    private HubFixture() throws Exception {
        Clock clock = Clock.systemUTC();
        ContentStores content = new ContentStores(store);
        // The demo content, with its last week of prices only: the calls read the latest reports, and
        // the embedded store's durable inserts make the full price history slow to load.
        DemoData demo = DemoData.load(clock, ZONE);
        java.time.LocalDate since = java.time.LocalDate.now(clock.withZone(ZONE)).minusDays(7);
        new DemoData(demo.commodities(), demo.regions(), demo.markets(),
                demo.prices().stream().filter(p -> !p.date().isBefore(since)).toList(), demo.notices(), demo.guidance())
                .loadInto(content);
        MessageTypes.register(vertx.eventBus());
        SnapshotHolder snapshot = new SnapshotHolder(vertx, new SnapshotLoader(content, clock));
        AnswerEngine engine = new AnswerEngine(snapshot, clock, ZONE);
        HubAnswerService service = new HubAnswerService(vertx, engine, QueryLog.NONE, Lang.ZH);
        vertx.deployVerticle(new AnswerVerticle(snapshot, service)).await(30, TimeUnit.SECONDS);
        vertx.eventBus().<String>consumer(Addresses.PROFILE, m -> m.reply(profiles.get(m.body()), RecordCodec.options(FarmerProfile.class)));
        vertx.eventBus().<SubscriberCommand>consumer(Addresses.SUBSCRIBER_COMMAND, m -> {
            subscriberCommands.add(m.body());
            SubscriberCommand c = m.body();
            m.reply(new Answer.Done(c.lang(), c.action(), String.join(",", c.commodities()), c.topic()),
                    RecordCodec.options(Answer.class));
        });
        Indexes.ensure(store, QuestionStore.INDEXES);
        vertx.deployVerticle(new QuestionDesk(new QuestionStore(store, clock, WorkingDays.mondayToFriday(ZONE))))
                .await(30, TimeUnit.SECONDS);
        vertx.eventBus().<OutboundSms>consumer(Addresses.SMS_SEND, m -> {
            sms.add(m.body());
            m.reply("mt-" + sms.size());
        });
    }

    VoiceChannel deploy(VoiceOptions options, org.sandian.channels.voice.speech.SpeechRenderer speech) throws Exception {
        VoiceChannel channel = new VoiceChannel(options, store, speech);
        vertx.deployVerticle(channel).await(30, TimeUnit.SECONDS);
        return channel;
    }

    @Override
    public void close() throws Exception {
        try {
            vertx.close().await(30, TimeUnit.SECONDS);
        } finally {
            store.close();
        }
    }
}
