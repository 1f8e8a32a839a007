package org.sandian.channels.web.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.sandian.broadcast.subscriber.DirectoryOptions;
import org.sandian.broadcast.subscriber.SubscriberDirectory;
import org.sandian.broadcast.subscriber.SubscriberStore;
import org.sandian.channels.web.WebChannel;
import org.sandian.channels.web.WebOptions;
import org.sandian.content.answer.AnswerEngine;
import org.sandian.content.answer.AnswerService;
import org.sandian.content.answer.AnswerVerticle;
import org.sandian.content.answer.HubAnswerService;
import org.sandian.content.answer.QueryLog;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.MessageTypes;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.demo.DemoData;
import org.sandian.content.model.Lang;
import org.sandian.content.questions.QuestionDesk;
import org.sandian.content.questions.QuestionStore;
import org.sandian.content.questions.WorkingDays;
import org.sandian.content.snapshot.SnapshotHolder;
import org.sandian.content.snapshot.SnapshotLoader;
import org.sandian.content.store.ContentStores;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

/**
 * A hub for web tests: the demo content in the embedded store, the real snapshot, answer engine and
 * subscriber directory and questions desk on the bus, the web router on a loopback port, and the SMS channel's address
 * served by a recorder that keeps every OutboundSms (the one-time codes are read from there).
 */
public final class WebHub implements AutoCloseable {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int FIXTURE_PRICE_DAYS = 32;

    public final Vertx vertx = Vertx.vertx();
    public final MongoStore store = TestStore.open();
    public final ContentStores stores = new ContentStores(store);
    public final SnapshotHolder snapshot;
    public final BlockingQueue<OutboundSms> sms = new LinkedBlockingQueue<>();
    private final AtomicInteger smsIds = new AtomicInteger();
    private final HttpServer server;

    private static WebHub shared;

    /**
     * One plain hub for every test class of this JVM that needs nothing extra: loading the demo
     * content is most of a test class's time. Closed when the JVM ends.
     */
    public static synchronized WebHub shared() throws Exception {
        if (shared == null) {
            WebHub hub = new WebHub();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    hub.close();
                } catch (Exception ignored) {
                    // the JVM is ending
                }
            }));
            shared = hub;
        }
        return shared;
    }

    public WebHub() throws Exception {
        this(new Extra() { });
    }

    public WebHub(Extra extra) throws Exception {
        Clock clock = Clock.systemUTC();
        DemoData demo = DemoData.load(clock, ZONE);
        // 32 days of prices cover the 30-day trends and two history pages, and load in a third of the time.
        LocalDate since = LocalDate.now(clock.withZone(ZONE)).minusDays(FIXTURE_PRICE_DAYS);
        new DemoData(demo.commodities(), demo.regions(), demo.markets(),
                demo.prices().stream().filter(p -> p.date().isAfter(since)).toList(), demo.notices(), demo.guidance())
                .loadInto(stores);
        snapshot = new SnapshotHolder(vertx, new SnapshotLoader(stores, clock));
        MessageTypes.register(vertx.eventBus());
        AnswerEngine engine = new AnswerEngine(snapshot, clock, ZONE);
        await(vertx.deployVerticle(new AnswerVerticle(snapshot,
                new HubAnswerService(vertx, engine, QueryLog.NONE, Lang.ZH))));
        await(vertx.deployVerticle(new SubscriberDirectory(new SubscriberStore(store), DirectoryOptions.defaults(), clock)));
        if (!extra.servesSms()) {
            vertx.eventBus().<OutboundSms>consumer(Addresses.SMS_SEND, m -> {
                sms.add(m.body());
                m.reply("web-test-" + smsIds.incrementAndGet());
            });
        }
        await(vertx.deployVerticle(new QuestionDesk(new QuestionStore(store, clock, WorkingDays.mondayToFriday(ZONE)))));
        extra.deploy(vertx, store);
        Router root = Router.router(vertx);
        WebOptions defaults = WebOptions.defaults("test-secret-of-at-least-16");
        // Every test posts from 127.0.0.1: a roomy per-IP limit keeps test classes independent.
        WebOptions options = new WebOptions(defaults.zone(), defaults.defaultLang(), defaults.csrfSecret(),
                defaults.featuredCommodities(), defaults.codeTtl(), defaults.codesPerPhonePerHour(), 200);
        root.route("/*").subRouter(WebChannel.router(vertx, options, snapshot, AnswerService.proxy(vertx), clock));
        extra.mount(vertx, root, snapshot);
        server = await(vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1"));
    }

    /** What a test adds: more verticles on the bus, more routers (the TV board). */
    public interface Extra {
        /** True when the extra deploys the real SMS channel; else a recorder keeps every OutboundSms. */
        default boolean servesSms() {
            return false;
        }

        default void deploy(Vertx vertx, MongoStore store) throws Exception {
        }

        default void mount(Vertx vertx, Router root, SnapshotHolder snapshot) {
        }
    }

    public String base() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** The next SMS the hub sent, waiting up to five seconds. */
    public OutboundSms nextSms() throws InterruptedException {
        OutboundSms m = sms.poll(5, TimeUnit.SECONDS);
        if (m == null) throw new AssertionError("no SMS sent within 5 s");
        return m;
    }

    public static <T> T await(io.vertx.core.Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        await(vertx.close());
        store.close();
    }
}
