package org.sandian.broadcast.outbox;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sandian.broadcast.BroadcastAddresses;
import org.sandian.broadcast.core.Broadcast;
import org.sandian.broadcast.core.BroadcastService;
import org.sandian.broadcast.core.BroadcastStore;
import org.sandian.broadcast.core.Recordings;
import org.sandian.broadcast.audience.AudienceCounter;
import org.sandian.broadcast.audience.SubscriberSource;
import org.sandian.broadcast.audience.TargetIndex;
import org.sandian.broadcast.subscriber.SubscriberDirectory;
import org.sandian.broadcast.subscriber.SubscriberStore;
import org.sandian.content.answer.Channel;
import org.sandian.content.audit.AuditLog;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.MessageTypes;
import org.sandian.content.bus.SmsStatus;
import org.sandian.content.store.MongoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broadcast machinery of one node: the scheduler (fires due broadcasts and writes their
 * outbox), the senders (hand entries to channels), and the listeners that keep the outbox true:
 * {@link Addresses#SMS_STATUS} (entry states), {@link Addresses#STOPPED} (skip a number at once,
 * remembered in the running occurrences so a restart still skips it) and
 * {@link BroadcastAddresses#BROADCAST_CHANGED} (pause, resume, cancel take effect at once).
 * SMS goes through {@link SmsLink}; other per-recipient channels through links given here.
 */
public final class BroadcastEngine extends VerticleBase {

    private static final Logger log = LoggerFactory.getLogger(BroadcastEngine.class);
    /**
     * Local: the final state of a voice entry ({@link SmsStatus} whose id is the entry key), bridged by
     * ops from the voice channel's call outcomes (broadcast does not depend on the voice module).
     */
    public static final String VOICE_CALL_OUTCOME = "sandian.broadcast.voice.outcome";

    private final MongoStore store;
    private final EngineOptions options;
    private final Clock clock;
    private final Map<Channel, ChannelLink> extraLinks;
    private final Recordings recordings;
    private final Set<String> stopped = ConcurrentHashMap.newKeySet();
    private ChunkStore chunks;
    private OccurrenceStore occurrences;
    private BroadcastStore broadcasts;
    private StateWriter writer;
    private OutboxSender sender;
    private Scheduler scheduler;
    private BroadcastService service;
    private ScheduledExecutorService ticker;
    private SubscriberStore subscriberStore;
    private TargetIndex index;
    private ExecutorService fanOuts;
    private ClaimPurger purger;

    public BroadcastEngine(MongoStore store, EngineOptions options, Clock clock, Map<Channel, ChannelLink> extraLinks) {
        this(store, options, clock, extraLinks, Recordings.NONE);
    }

    /** With the store of recorded messages that voice broadcasts may play (the voice channel's). */
    public BroadcastEngine(MongoStore store, EngineOptions options, Clock clock, Map<Channel, ChannelLink> extraLinks,
                           Recordings recordings) {
        this.store = store;
        this.options = options;
        this.clock = clock;
        this.extraLinks = extraLinks;
        this.recordings = recordings;
    }

    public BroadcastService service() {
        return service;
    }

    public OutboxSender sender() {
        return sender;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public OccurrenceStore occurrences() {
        return occurrences;
    }

    public ChunkStore chunks() {
        return chunks;
    }

    @Override
    public Future<?> start() {
        EventBus bus = vertx.eventBus();
        MessageTypes.register(bus);
        chunks = new ChunkStore(store);
        subscriberStore = new SubscriberStore(store);
        index = new TargetIndex(subscriberStore);
        occurrences = new OccurrenceStore(store);
        broadcasts = new BroadcastStore(store);
        writer = new StateWriter(chunks, 200);
        OccurrenceCloser closer = new OccurrenceCloser(occurrences, broadcasts, clock, this::announce);
        Map<Channel, ChannelLink> links = new EnumMap<>(Channel.class);
        links.put(Channel.SMS, new SmsLink(vertx, 30_000));
        links.putAll(extraLinks);
        sender = new OutboxSender(chunks, occurrences, broadcasts, writer, closer, links, options.sender(), clock, stopped);
        service = new BroadcastService(broadcasts, options.broadcast(), clock, this::announce, new AuditLog(store, clock),
                recordings);
        purger = new ClaimPurger(occurrences, chunks);
        fanOuts = Executors.newSingleThreadExecutor(r -> daemon(r, "broadcast-fanout"));
        scheduler = new Scheduler(broadcasts, occurrences, new FanOut(subscribers(), chunks, links.keySet()), closer, fanOuts,
                options.broadcast().zone(), clock, this::announce, this::publishNotice);
        Future<?> listeners = Future.join(
                bus.<SmsStatus>consumer(Addresses.SMS_STATUS, this::status).completion(),
                bus.<SmsStatus>localConsumer(VOICE_CALL_OUTCOME, this::status).completion(),
                bus.<String>consumer(Addresses.STOPPED, this::stoppedNumber).completion(),
                bus.<String>consumer(BroadcastAddresses.SUBSCRIBER_CHANGED, m -> reindex(m.body())).completion(),
                bus.<String>consumer(BroadcastAddresses.BROADCAST_CHANGED, m -> sender.refreshSoon()).completion());
        return listeners.onSuccess(v -> {
            if (options.indexSubscribers()) loadIndex();
            sender.start();
            ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "broadcast-scheduler"));
            if (options.tickMillis() > 0) {
                ticker.scheduleWithFixedDelay(this::tick, 0, options.tickMillis(), TimeUnit.MILLISECONDS);
            }
            ticker.scheduleWithFixedDelay(this::purge, 1, ClaimPurger.GRACE.toMinutes(), TimeUnit.MINUTES);
        });
    }

    /** Subscribers as audiences see them: the in-memory index once loaded, else a scan of the store. */
    public SubscriberSource subscribers() {
        return visitor -> (index.isReady() ? index : (SubscriberSource) subscriberStore::forEachTargetable).forEach(visitor);
    }

    /** True once the in-memory subscriber index is loaded (fan-out no longer scans the store). */
    public boolean subscribersIndexed() {
        return index != null && index.isReady();
    }

    public AudienceCounter audiences() {
        return new AudienceCounter(subscribers());
    }

    /** Loads on the fan-out thread (it takes about a minute per million): a fan-out queued meanwhile then uses it. */
    private void loadIndex() {
        fanOuts.execute(() -> {
            try {
                long t0 = System.nanoTime();
                index.load();
                log.info("broadcast: {} subscribers indexed in {} s", index.size(),
                        String.format("%.1f", (System.nanoTime() - t0) / 1e9));
            } catch (RuntimeException e) {
                log.warn("broadcast: subscriber index not loaded, audiences scan the store: {}", e.toString());
            }
        });
    }

    /**
     * Re-reads the subscriber index at once (blocking: call from a worker), so an officer who counts an
     * audience right after an import sees the imported farmers; other nodes catch up on the announcement.
     */
    public void reloadIndexNow() {
        if (options.indexSubscribers() && index != null && index.isReady()) index.load();
    }

    private void reindex(String phone) {
        if (!options.indexSubscribers()) return;
        if (SubscriberDirectory.ALL.equals(phone)) {
            loadIndex();
            return;
        }
        vertx.executeBlocking(() -> {
            index.refresh(phone);
            return null;
        }, false);
    }

    private void tick() {
        try {
            scheduler.tick();
        } catch (RuntimeException e) {
            log.warn("broadcast scheduler: {}", e.toString());
        }
    }

    private void purge() {
        try {
            purgeClaims(clock.instant().minus(ClaimPurger.GRACE));
        } catch (RuntimeException e) {
            log.warn("broadcast lease purge: {}", e.toString());
        }
    }

    /**
     * Deletes the lease documents of occurrences finished before {@code finishedBefore} (the engine
     * does it every {@code ClaimPurger.GRACE} for those finished that long ago). Blocking; returns
     * the documents deleted.
     */
    public long purgeClaims(Instant finishedBefore) {
        return purger.purge(finishedBefore);
    }

    private void announce(String broadcastId) {
        sender.refreshSoon();
        vertx.eventBus().publish(BroadcastAddresses.BROADCAST_CHANGED, broadcastId);
    }

    private void publishNotice(Broadcast b) {
        if (!b.channels().contains(Channel.TV) && !b.channels().contains(Channel.WEB)) return;
        JsonObject texts = new JsonObject();
        b.texts().forEach((lang, text) -> texts.put(lang.code(), text));
        JsonArray channels = new JsonArray();
        b.channels().stream().filter(c -> c == Channel.TV || c == Channel.WEB).forEach(c -> channels.add(c.name()));
        vertx.eventBus().publish(BroadcastAddresses.NOTICE, new JsonObject().put("id", b.id()).put("title", b.title())
                .put("texts", texts).put("channels", channels).put("regions", new JsonArray(b.audience().regions()))
                .put("at", clock.instant().toString()));
    }

    private void status(Message<SmsStatus> m) {
        SmsStatus s = m.body();
        EntryKey key = EntryKey.parse(s.id());
        if (key == null) return;
        switch (s.state()) {
            case SUBMITTED:
                writer.record(key, EntryState.SUBMITTED, null);
                break;
            case DELIVERED:
                writer.record(key, EntryState.DELIVERED, null);
                break;
            case FAILED:
                writer.record(key, EntryState.FAILED, s.error() == null ? "failed" : s.error());
                break;
            default:
                break;
        }
    }

    private void stoppedNumber(Message<String> m) {
        String phone = m.body();
        stopped.add(phone);
        reindex(phone);
        vertx.executeBlocking(() -> {
            for (Occurrence o : occurrences.all()) if (o.state().isActive()) occurrences.addStopped(o.id(), phone);
            return null;
        }, false);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public Future<?> stop() {
        return vertx.executeBlocking(() -> {
            shutdown(false);
            return null;
        });
    }

    /** Stops as a crash would: no lease given back, nothing pending written (tests, the bench). */
    public void crash() {
        shutdown(true);
    }

    private void shutdown(boolean crash) {
        if (ticker != null) ticker.shutdownNow();
        if (fanOuts != null) fanOuts.shutdownNow();
        if (crash) {
            sender.halt();
            writer.halt();
        } else {
            sender.close();
            writer.close();
        }
    }
}
