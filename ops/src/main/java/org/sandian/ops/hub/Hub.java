package org.sandian.ops.hub;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.sandian.broadcast.api.BroadcastApi;
import org.sandian.broadcast.core.BroadcastStore;
import org.sandian.broadcast.outbox.BroadcastEngine;
import org.sandian.broadcast.outbox.ChannelLink;
import org.sandian.broadcast.subscriber.DirectoryOptions;
import org.sandian.broadcast.subscriber.SubscriberDirectory;
import org.sandian.broadcast.subscriber.SubscriberStore;
import org.sandian.channels.sms.SmsChannel;
import org.sandian.channels.sms.SmsOptions;
import org.sandian.channels.sms.dialogue.SmsDialogue;
import org.sandian.channels.sms.sim.SmscSimulator;
import org.sandian.channels.tv.BusTvItems;
import org.sandian.channels.tv.TvChannel;
import org.sandian.channels.voice.VoiceChannel;
import org.sandian.channels.web.WebChannel;
import org.sandian.channels.web.WebOptions;
import org.sandian.content.answer.AnswerEngine;
import org.sandian.content.answer.Channel;
import org.sandian.content.answer.AnswerService;
import org.sandian.content.answer.AnswerVerticle;
import org.sandian.content.answer.HubAnswerService;
import org.sandian.content.answer.MongoQueryLog;
import org.sandian.content.demo.DemoData;
import org.sandian.content.questions.QuestionDesk;
import org.sandian.content.questions.QuestionStore;
import org.sandian.content.questions.WorkingDays;
import org.sandian.content.snapshot.SnapshotHolder;
import org.sandian.content.snapshot.SnapshotLoader;
import org.sandian.content.store.ContentStores;
import org.sandian.content.store.Indexes;
import org.sandian.content.store.MongoStore;
import org.sandian.ops.auth.ApiTokens;
import org.sandian.ops.auth.BearerAuth;
import org.sandian.ops.auth.UserStore;
import org.sandian.ops.config.ChannelSettings;
import org.sandian.ops.config.HubConfig;
import org.sandian.ops.health.ComponentHealth;
import org.sandian.ops.health.HealthRegistry;
import org.sandian.ops.health.HealthRoutes;
import org.sandian.ops.metrics.HubMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One place lists everything that runs: the store, the answer engine, the questions desk, the
 * subscriber directory and broadcasts, each channel, and the HTTP server that carries the public
 * pages, the TV board, the console, the API and health. {@link #start} returns once every part is
 * ready, or fails naming the part.
 */
public final class Hub {

    private static final Logger log = LoggerFactory.getLogger(Hub.class);

    private final Vertx vertx;
    private final MongoStore store;
    private final HubConfig config;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final HealthRegistry health = new HealthRegistry();
    private HttpServer http;
    private VoiceChannel voice;
    private SmscSimulator demoSmsc;
    private HubMetrics metrics;

    private Hub(Vertx vertx, MongoStore store, HubConfig config) {
        this.vertx = vertx;
        this.store = store;
        this.config = config;
    }

    /** Starts a hub; with {@code demo}, an empty store gets the demo data first. Blocking: call from main. */
    public static Hub start(HubConfig config, boolean demo) {
        Clock clock = Clock.systemUTC();
        HubMetrics metrics = HubMetrics.start();
        HubVertx.checkStore(config);
        MongoStore store = MongoStore.open(config.store());
        Hub hub = new Hub(HubVertx.start(config, metrics), store, config);
        hub.metrics = metrics;
        try {
            hub.startParts(clock, demo);
            return hub;
        } catch (RuntimeException e) {
            hub.stop();
            throw e;
        }
    }

    private void startParts(Clock clock, boolean demo) {
        ChannelSettings channels = new ChannelSettings(config);
        publishStoreAddress();
        ContentStores content = new ContentStores(store);
        content.ensureIndexes();
        Indexes.ensure(store, MongoQueryLog.INDEXES);
        Indexes.ensure(store, QuestionStore.INDEXES);
        if (demo && content.isEmpty()) {
            DemoData demoData = DemoData.load(clock, config.zone());
            demoData.loadInto(content);
            log.info("demo data loaded: {} documents", demoData.size());
        }
        // Unordered: one slow ping must not queue every later /health behind it.
        health.add("store", () -> vertx.executeBlocking(() -> store.ping()
                ? ComponentHealth.up(store.description()) : ComponentHealth.down(store.description() + " unreachable"), false));
        health.add("cluster", () -> HubVertx.health(vertx));

        SnapshotHolder snapshot = new SnapshotHolder(vertx, new SnapshotLoader(content, clock.withZone(config.zone())));
        MongoQueryLog queryLog = new MongoQueryLog(store, clock);
        closeables.add(queryLog);
        AnswerEngine engine = new AnswerEngine(snapshot, clock, config.zone());
        deploy(new AnswerVerticle(snapshot, new HubAnswerService(vertx, engine, queryLog, config.lang())), "answer engine");
        health.add("content", () -> Future.succeededFuture(
                ComponentHealth.up(snapshot.get().commodities().size() + " commodities published")));
        deploy(new QuestionDesk(new QuestionStore(store, clock, WorkingDays.mondayToFriday(config.zone()))), "questions desk");
        deploy(new SubscriberDirectory(new SubscriberStore(store), new DirectoryOptions(config.lang(), 200_000), clock),
                "subscriber directory");

        startSms(channels, clock, demo);
        startVoice(channels);
        // Voice broadcasts need the manager interface; without it, broadcasts go by SMS, TV and web only.
        Map<Channel, ChannelLink> voiceLink = channels.voice().outboundEnabled()
                ? Map.of(Channel.VOICE, new VoiceBroadcastLink(vertx)) : Map.of();
        BroadcastEngine broadcasts = new BroadcastEngine(store, channels.broadcast(), clock, voiceLink,
                new VoiceRecordings(voice.recordings()));
        deploy(broadcasts, "broadcast engine");
        new TvBroadcastBridge(vertx, new BroadcastStore(store), clock).start();

        AnswerService answers = AnswerService.proxy(vertx);
        Router router = Router.router(vertx);
        new HealthRoutes(health).mount(router);
        metrics.mount(router);
        WebOptions web = channels.web();
        router.route("/console/*").subRouter(Console.router(vertx, config, store, content, clock, broadcasts, demoSmsc,
                snapshot, channels.tv(), web, voice));
        router.get("/console").handler(ctx -> ctx.redirect("/console/"));
        // The body is read before the token check, which is asynchronous (a request must not end unread).
        router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(50L * 1024 * 1024))
                .handler(new BearerAuth(vertx, new ApiTokens(store, clock), new UserStore(store)))
                .handler(ApiOfficer::adapt);
        router.route("/api/*").subRouter(BroadcastApi.router(vertx, store, broadcasts, clock));
        BusTvItems tvItems = await(BusTvItems.listen(vertx), "tv items");
        router.route().subRouter(TvChannel.router(vertx, channels.tv(), snapshot, tvItems, clock));
        router.route().subRouter(WebChannel.router(vertx, web, snapshot, answers, clock));
        http = await(vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true)
                        // The hotline menu's JSON is posted as one form field, larger than the 8 KB default.
                        .setMaxFormAttributeSize(256 * 1024))
                .requestHandler(router).listen(config.httpPort(), "0.0.0.0"), "http server");
    }

    private void startSms(ChannelSettings channels, Clock clock, boolean demo) {
        SmsOptions options = channels.sms();
        if (!options.enabled() && demo) {
            SmscSimulator sim = DemoSmsc.start();
            closeables.add(sim);
            demoSmsc = sim;
            options = DemoSmsc.optionsFor(sim, channels);
            log.info("demo: SMS channel bound to the SMSC simulator on port {}", sim.port());
        }
        if (!options.enabled()) {
            health.addFixed("sms", ComponentHealth.off("no SMSC configured (smpp.host)"));
            return;
        }
        // The dialogue replies through the channel that feeds it: tie the knot with a reference.
        AtomicReference<SmsChannel> channel = new AtomicReference<>();
        SmsDialogue dialogue = new SmsDialogue(vertx, channels.dialogue(), mt -> channel.get().sender().send(mt), clock);
        SmsChannel sms = new SmsChannel(options, store, dialogue, clock);
        channel.set(sms);
        deploy(sms, "sms channel");
        String smsc = options.host() + ":" + options.port();
        health.add("sms", () -> Future.succeededFuture(sms.allBound()
                ? ComponentHealth.up(sms.health().bindsUp() + "/" + sms.health().bindsWanted() + " bind(s) up to " + smsc)
                : ComponentHealth.down("not bound to " + smsc)));
    }

    private void startVoice(ChannelSettings channels) {
        voice = new VoiceChannel(channels.voice(), store);
        deploy(voice, "voice channel");
        health.add("voice", () -> Future.succeededFuture(ComponentHealth.up(voice.health().toString())));
        VoiceReadiness.add(health, channels.voice(), voice);
    }

    private void publishStoreAddress() {
        try {
            StoreAccess.publish(config, store);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + StoreAccess.URI_FILE + " in " + config.dataDir(), e);
        }
    }

    private void deploy(io.vertx.core.Deployable verticle, String what) {
        await(vertx.deployVerticle(verticle), what);
    }

    private static <T> T await(Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " did not start: interrupted", e);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException(what + " failed to start: " + cause.getMessage(), cause);
        }
    }

    public int httpPort() {
        return http.actualPort();
    }

    public int agiPort() {
        return voice == null ? 0 : voice.agiPort();
    }

    /** The line operators and scripts wait for. */
    public String readyLine() {
        return "sandian ready http=" + httpPort() + " agi=" + agiPort() + " store=" + store.description();
    }

    /** The demo's SMSC simulator, or null when the hub is bound to a real SMSC or SMS is off. */
    public SmscSimulator demoSmsc() {
        return demoSmsc;
    }

    public MongoStore store() {
        return store;
    }

    /** Where the hotline's sounds are, recorded questions among them (Asterisk shares it). */
    public java.nio.file.Path soundsDir() {
        return voice.soundsDir();
    }

    /** What a sound played on a call says: speech this hub rendered, or a prompt of the menu in force. */
    public java.util.Optional<String> spokenText(String sound) {
        return voice.spokenText(sound);
    }

    public Vertx vertx() {
        return vertx;
    }

    public void stop() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        } catch (Exception e) {
            log.warn("vert.x did not close cleanly: {}", e.toString());
        }
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("close failed: {}", e.toString());
            }
        }
        store.close();
        if (metrics != null) metrics.close();
        StoreAccess.withdraw(config);
    }
}
