package org.sandian.channels.sms.mt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.sandian.channels.sms.SmsSender;
import org.sandian.channels.sms.codec.MtPart;
import org.sandian.channels.sms.codec.MtSplitter;
import org.sandian.channels.sms.log.LogIds;
import org.sandian.channels.sms.mo.Receipt;
import org.sandian.channels.sms.mo.ReceiptSink;
import org.sandian.channels.sms.store.BulkBatcher;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.bus.OutboundSms.Priority;
import org.sandian.content.bus.PhoneMask;
import org.sandian.content.bus.SmsStatus;
import org.sandian.content.bus.SmsStatus.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable outbox of MT messages. {@code sms_mt} holds every MT (state queued, submitted with
 * the SMSC ids of its parts, delivered or failed, with an error kind); a restart resumes the MTs
 * still QUEUED there with one scan at start (never on the hot path: the embedded store has no
 * secondary indexes). A receipt finds its part by the part's normalized SMSC id (one key per part:
 * see {@link SmscIds}) in memory, else in {@code sms_receipts_index}: in a cluster every part is
 * indexed there, a hub alone indexes only the parts it forgets or stops with (see
 * {@link ReceiptMatching}). All writes are group-committed; new MTs have their own writer so that
 * acknowledging SMS_SEND never waits behind a batch of submit and receipt updates. An MT costs its
 * insert, one update per part (and in a cluster the part's index entry), plus one update per
 * receipt (a part's submit and receipt updates that wait in the same batch are written as one).
 * Parts wait in one priority queue: replies before bulk, then oldest first.
 *
 * <p>MTs taken back from a stopped run (a restart, or a dead hub's queue adopted) may have parts
 * the SMSC took just before the stop, whose answers were never stored. They wait until the binds
 * have been up long enough for the SMSC to hand over the receipts it kept, and parts that an
 * {@link OrphanReceipts orphan receipt} shows the SMSC has are recorded, not sent again.
 */
public final class MtOutbox implements SmsSender, ReceiptSink, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MtOutbox.class);

    /** One part waiting to be submitted. */
    record Job(Mt mt, int part) implements Comparable<Job> {
        @Override
        public int compareTo(Job o) {
            int p = Integer.compare(mt.priority.ordinal(), o.mt.priority.ordinal());
            if (p != 0) return p;
            int t = Long.compare(mt.order, o.mt.order);
            return t != 0 ? t : Integer.compare(part, o.part);
        }
    }

    /** Where a submitted part's receipt goes; {@code settled} once a final receipt came for it. */
    private static final class PartRef {
        final String mtId;
        final int part;
        volatile boolean settled;

        PartRef(String mtId, int part) {
            this.mtId = mtId;
            this.part = part;
        }
    }

    /** Submitted parts remembered in memory; past this the oldest go (to the store if still awaiting a receipt). */
    static final int REMEMBERED_PARTS = 500_000;

    private final MongoCollection<Document> mtCollection;
    private final MongoCollection<Document> indexCollection;
    private final BulkBatcher mtInserts;
    private final BulkBatcher mtWrites;
    private final BulkBatcher indexWrites;
    private final Consumer<SmsStatus> statusListener;
    private final Clock clock;
    private final int maxParts;
    private final PriorityBlockingQueue<Job> jobs = new PriorityBlockingQueue<>();
    private final Map<String, Mt> live = new ConcurrentHashMap<>();
    /**
     * How long a fully submitted MT stays in memory for its receipts. A receipt after that (or with
     * receipts off, none at all) would otherwise keep it there for good; a later receipt reads it
     * from the store.
     */
    static final Duration SUBMITTED_KEPT = Duration.ofSeconds(60);
    /** Fully submitted MTs in the order they were, with when (clock millis). */
    private final Queue<Submitted> awaitingReceipts = new ConcurrentLinkedQueue<>();

    private record Submitted(String mtId, long at) {
    }
    /**
     * In a cluster every submitted part is indexed in the store; a hub alone keeps its parts in
     * {@link #recentIds} and indexes only those it forgets before their receipt came: a quarter of
     * the store's documents per reply fewer (see {@link ReceiptMatching}).
     */
    private final ReceiptMatching matching;
    private final Map<String, PartRef> recentIds = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PartRef> eldest) {
            if (size() <= REMEMBERED_PARTS) return false;
            if (matching == ReceiptMatching.IN_MEMORY && !eldest.getValue().settled) index(eldest.getKey(), eldest.getValue());
            return true;
        }
    });
    /**
     * How long a receipt no MT claims is held before it counts as an orphan: an owner stores its
     * index within milliseconds, and the SMSC waits for its answer meanwhile (its timer is seconds).
     */
    static final long HOLD_MS = 500;
    /** How often held receipts are looked up again. */
    private static final long HELD_LOOK_MS = 100;
    private final ScheduledExecutorService heldLooker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sms-held-receipts");
        t.setDaemon(true);
        return t;
    });
    /** Orphans no queued part claimed in this long are dropped. */
    private static final Duration ORPHANS_KEPT = Duration.ofDays(2);
    private final HeldReceipts held = new HeldReceipts();
    private final OrphanReceipts orphans;
    /**
     * How long a part whose submit had no answer waits before it is checked against orphan
     * receipts: time for the SMSC to send the receipt (after a rebind) and for it to be held.
     */
    static final long SUSPECT_WAIT_MS = HOLD_MS + 3_000;
    /** A part the SMSC may have taken without us storing its answer, and since when (clock millis). */
    private record Suspect(Job job, long since) {
    }

    /** Parts the SMSC may already have: taken back from a stopped run, or submitted without an answer. */
    private final List<Suspect> suspects = new ArrayList<>();
    /** Phone (without "+") that sent TD -> the order counter then: bulk MTs queued before it are not sent. */
    private final Map<String, Long> stoppedAt = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > 100_000;
        }
    });
    private final AtomicLong order = new AtomicLong();
    private final AtomicInteger ref = new AtomicInteger();
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final String node = Long.toString(System.currentTimeMillis(), 36);
    private volatile boolean closed;

    /** An outbox whose receipt index is shared (as in a cluster). */
    public MtOutbox(MongoCollection<Document> mt, MongoCollection<Document> index, MongoCollection<Document> orphans,
                    Consumer<SmsStatus> statusListener, Clock clock, int maxParts) {
        this(mt, index, orphans, statusListener, clock, maxParts, ReceiptMatching.SHARED_INDEX);
    }

    public MtOutbox(MongoCollection<Document> mt, MongoCollection<Document> index, MongoCollection<Document> orphans,
                    Consumer<SmsStatus> statusListener, Clock clock, int maxParts, ReceiptMatching matching) {
        this.matching = matching;
        this.mtCollection = mt;
        this.indexCollection = index;
        this.orphans = new OrphanReceipts(orphans);
        this.mtInserts = new BulkBatcher(mt, "sms_mt-new", 500);
        this.mtWrites = new BulkBatcher(mt, "sms_mt", 500);
        this.indexWrites = new BulkBatcher(index, "sms_receipts_index", 500);
        this.statusListener = statusListener;
        this.clock = clock;
        this.maxParts = maxParts;
        heldLooker.scheduleWithFixedDelay(() -> {
            try {
                if (held.size() > 0) settleHeld();
            } catch (RuntimeException e) {
                log.warn("held receipts: {}", e.toString());
            }
        }, HELD_LOOK_MS, HELD_LOOK_MS, TimeUnit.MILLISECONDS);
    }

    // ------------------------------------------------------------------ queueing

    @Override
    public CompletableFuture<String> send(OutboundSms sms) {
        if (sms == null || sms.to() == null || sms.to().isBlank()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("an MT needs a phone number"));
        }
        String id = sms.id() != null && !sms.id().isBlank() ? sms.id() : "mt-" + node + "-" + order.get() + "-"
                + Long.toString(System.nanoTime(), 36);
        Priority priority = sms.priority() == null ? Priority.BULK : sms.priority();
        int r = ref.incrementAndGet() & 0xFF;
        List<MtPart> parts = MtSplitter.split(sms.text() == null ? "" : sms.text(), r, maxParts);
        Date now = Date.from(clock.instant());
        Document doc = new Document("_id", id).append("to", sms.to()).append("text", sms.text())
                .append("priority", priority.name()).append("source", sms.source()).append("ref", r)
                .append("parts", parts.size()).append("smscIds", Arrays.asList(new String[parts.size()]))
                .append("receipts", Arrays.asList(new String[parts.size()]))
                .append("state", State.QUEUED.name()).append("createdAt", now).append("updatedAt", now)
                .append("node", node);
        // stored (NEW) or already there (DUPLICATE: the same id twice sends once) before the id is answered
        return mtInserts.write(new InsertOneModel<>(doc)).thenApply(outcome -> {
            if (outcome == BulkBatcher.Outcome.NEW) {
                Mt mt = new Mt(id, sms.to(), priority, parts, new String[parts.size()], new String[parts.size()],
                        order.incrementAndGet());
                live.put(id, mt);
                for (int i = 0; i < parts.size(); i++) jobs.add(new Job(mt, i));
                publish(mt, State.QUEUED);
            }
            return id;
        });
    }

    /**
     * After a restart of a hub alone: every MT not fully submitted goes back to the queue (parts
     * already sent are not resent). One scan of sms_mt for state QUEUED, at start only.
     */
    public int resume() {
        Bson queued = Filters.eq("state", State.QUEUED.name());
        if (matching != ReceiptMatching.IN_MEMORY) return resume(queued);
        // a hub alone also reads back the parts that await a receipt: only it knows them
        return resume(Filters.or(queued, Filters.and(Filters.eq("state", State.SUBMITTED.name()),
                Filters.gte("updatedAt", Date.from(clock.instant().minus(ORPHANS_KEPT))))));
    }

    /**
     * In a cluster: the MTs still queued by the given runs (dead hubs, claimed through
     * {@link OutboxOwners}) and by hubs from before runs were recorded become this run's and go
     * back to its queue. One scan of sms_mt.
     */
    public int adopt(List<String> runs, boolean withUnowned) {
        if (runs.isEmpty() && !withUnowned) return 0;
        List<Bson> owners = new ArrayList<>();
        if (!runs.isEmpty()) owners.add(Filters.in("node", runs));
        if (withUnowned) owners.add(Filters.exists("node", false));
        int n = resume(Filters.and(Filters.eq("state", State.QUEUED.name()), Filters.or(owners)));
        if (n > 0) log.info("outbox: {} queued MT(s) of {} adopted", n, runs.isEmpty() ? "earlier hubs" : runs);
        return n;
    }

    private int resume(Bson filter) {
        List<String> mine = new ArrayList<>();
        for (Document d : mtCollection.find(filter).batchSize(500)) {
            if (resume(d)) mine.add(d.getString("_id"));
        }
        // now ours: a later adoption by another hub must not take them while we live
        for (int i = 0; i < mine.size(); i += 500) {
            mtCollection.updateMany(Filters.in("_id", mine.subList(i, Math.min(mine.size(), i + 500))),
                    Updates.set("node", node));
        }
        if (!mine.isEmpty()) log.info("outbox: {} queued MT(s) resumed", mine.size());
        return mine.size();
    }

    /** The parts of a stored MT that were submitted and have no final receipt yet, to match their receipts. */
    private void rememberAwaitingReceipts(Document d) {
        List<String> ids = d.getList("smscIds", String.class, List.of());
        List<String> receipts = d.getList("receipts", String.class, List.of());
        for (int i = 0; i < ids.size(); i++) {
            String key = SmscIds.primary(ids.get(i));
            String receipt = i < receipts.size() ? receipts.get(i) : null;
            if (key != null && !Mt.isFinal(receipt)) recentIds.put(key, new PartRef(d.getString("_id"), i));
        }
    }

    /** Into the store's index, for a part this hub forgets before its receipt came (or at the stop). */
    private void index(String key, PartRef ref) {
        indexEntry(key, ref.mtId, ref.part).whenComplete((o, e) -> {
            if (e != null) log.warn("MT {} part {}: receipt index not stored: {}", LogIds.mask(ref.mtId), ref.part + 1,
                    e.toString());
        });
    }

    /** The receipt index's entry for one part: its normalized SMSC id to its MT and part. */
    private CompletableFuture<?> indexEntry(String key, String mtId, int part) {
        return indexWrites.write(new InsertOneModel<>(new Document("_id", key).append("mt", mtId).append("part", part)));
    }

    /** This run's id, stored with each MT it queues. */
    public String run() {
        return node;
    }

    private boolean resume(Document d) {
        String id = d.getString("_id");
        if (matching == ReceiptMatching.IN_MEMORY) rememberAwaitingReceipts(d);
        if (!State.QUEUED.name().equals(d.getString("state")) || live.containsKey(id)) return false;
        List<MtPart> parts = MtSplitter.split(d.getString("text"), d.getInteger("ref", 0), maxParts);
        String[] smscIds = d.getList("smscIds", String.class, List.of()).toArray(new String[parts.size()]);
        String[] receipts = d.getList("receipts", String.class, List.of()).toArray(new String[parts.size()]);
        Mt mt = new Mt(id, d.getString("to"), Priority.valueOf(d.getString("priority")), parts,
                Arrays.copyOf(smscIds, parts.size()), Arrays.copyOf(receipts, parts.size()), order.incrementAndGet());
        live.put(id, mt);
        long now = clock.millis();
        synchronized (suspects) {
            // its parts go once checked against orphan receipts: see sweep()
            for (int i = 0; i < parts.size(); i++) if (mt.smscIds[i] == null) suspects.add(new Suspect(new Job(mt, i), now));
        }
        return true;
    }

    // ------------------------------------------------------------------ what senders call

    /**
     * The farmer sent TD ({@code Addresses.STOPPED}): bulk MTs to him queued until now, none of
     * whose parts has gone yet, fail "stopped" instead of being submitted. Replies still go.
     */
    public void stopped(String phone) {
        if (phone == null || phone.isBlank()) return;
        stoppedAt.put(bare(phone), order.get());
    }

    /** The next part to submit, replies first; null after {@code millis} with nothing to do. */
    Job next(long millis) throws InterruptedException {
        while (true) {
            Job job = jobs.poll(millis, TimeUnit.MILLISECONDS);
            if (job == null || !stoppedBeforeSending(job.mt())) return job;
            failed(job, SendError.STOPPED);
        }
    }

    private boolean stoppedBeforeSending(Mt mt) {
        if (mt.priority != Priority.BULK || stoppedAt.isEmpty()) return false;
        Long at = stoppedAt.get(bare(mt.to));
        if (at == null || mt.order > at) return false;
        synchronized (mt) {
            for (String sent : mt.smscIds) if (sent != null) return false; // half a message is worse than all
        }
        return true;
    }

    private static String bare(String phone) {
        String p = phone.strip();
        return p.startsWith("+") ? p.substring(1) : p;
    }

    /** Back into the queue, at its place (throttled...): never dropped. */
    void retry(Job job) {
        jobs.add(job);
    }

    /**
     * Its submit got no answer (connection lost, response timeout): the SMSC may have it. It goes
     * again only if no receipt shows the SMSC took it (see {@link #sweep}).
     */
    void uncertain(Job job) {
        synchronized (suspects) {
            suspects.add(new Suspect(job, clock.millis()));
        }
    }

    /**
     * The SMSC accepted a part: index its id for receipts, store it; the last part makes it
     * SUBMITTED. Completes once both are stored: until then a crash would resend the part, so the
     * sender counts it against its window.
     */
    CompletableFuture<Void> submitted(Job job, String smscId) {
        Mt mt = job.mt();
        submitted.incrementAndGet();
        HeldReceipts.Held beaten = null;
        List<CompletableFuture<?>> writes = new ArrayList<>();
        String key = SmscIds.primary(smscId);
        if (key != null) {
            synchronized (held) {
                recentIds.put(key, new PartRef(mt.id, job.part()));
                beaten = held.take(key);
            }
            // alone, the part's SMSC id is stored with the MT below: a restart reads it back from there
            if (matching == ReceiptMatching.SHARED_INDEX) writes.add(indexEntry(key, mt.id, job.part()));
        }
        boolean all;
        synchronized (mt) {
            mt.smscIds[job.part()] = smscId;
            all = mt.allSubmitted() && mt.state == State.QUEUED;
            if (all) mt.state = State.SUBMITTED;
            // queued under the lock: a receipt's update of the same MT is then written after this one
            Document set = new Document("smscIds." + job.part(), smscId).append("updatedAt", Date.from(clock.instant()));
            if (all) set.append("state", State.SUBMITTED.name());
            writes.add(mtWrites.set(mt.id, set));
        }
        if (all) {
            publish(mt, State.SUBMITTED);
            settleIfFinal(mt);
            awaitingReceipts.add(new Submitted(mt.id, clock.millis()));
        }
        if (beaten != null) settle(beaten, onReceipt(beaten.receipt()));
        return CompletableFuture.allOf(writes.toArray(new CompletableFuture<?>[0])).whenComplete((v, e) -> {
            if (e != null) log.warn("MT {} part {}: submit result not stored: {}", LogIds.mask(mt.id), job.part() + 1, e.toString());
        });
    }

    /** A part failed for good: the whole MT fails with that kind. */
    void failed(Job job, SendError error) {
        Mt mt = job.mt();
        synchronized (mt) {
            if (mt.state == State.FAILED) return;
            mt.state = State.FAILED;
            mt.error = error.code();
        }
        failed.incrementAndGet();
        log.warn("MT {} to {} failed: {}", LogIds.mask(mt.id), PhoneMask.mask(mt.to), error.code());
        mtWrites.set(mt.id, new Document("state", State.FAILED.name()).append("error", error.code())
                .append("updatedAt", Date.from(clock.instant())));
        live.remove(mt.id);
        publish(mt, State.FAILED);
    }

    boolean isFailed(Mt mt) {
        synchronized (mt) {
            return mt.state == State.FAILED;
        }
    }

    // ------------------------------------------------------------------ receipts

    @Override
    public CompletableFuture<Void> onReceipt(Receipt receipt) {
        Collection<String> keys = SmscIds.lookups(receipt.smscId());
        PartRef ref = recent(keys);
        if (ref == null) ref = indexed(keys); // a store read: never under the lock submitted() takes
        if (ref != null) return apply(ref, receipt);
        synchronized (held) {
            // submitted() may have registered it during the read: it holds this lock to do so
            ref = recent(keys);
            if (ref == null) {
                // Most likely its submit_sm_resp is still being handled (fast SMSCs answer within a
                // millisecond): held until submitted() registers the id, or settleHeld() finds it in
                // the index or keeps it as an orphan. The SMSC is answered only then, so a hub that
                // dies meanwhile loses nothing: the SMSC delivers it again.
                log.debug("receipt for SMSC id {} ({}) before its submit result, held", receipt.smscId(), receipt.stat());
                return held.hold(keys, receipt, clock.millis());
            }
        }
        return apply(ref, receipt);
    }

    private PartRef recent(Collection<String> keys) {
        for (String key : keys) {
            PartRef ref = recentIds.get(key);
            if (ref != null) return ref;
        }
        return null;
    }

    /** The SMSC gets its answer to a held receipt once what it said is stored. */
    private static void settle(HeldReceipts.Held h, CompletableFuture<Void> stored) {
        stored.whenComplete((v, e) -> {
            if (e == null) h.settled().complete(null);
            else h.settled().completeExceptionally(e);
        });
    }

    private PartRef indexed(Collection<String> keys) {
        if (keys.isEmpty()) return null;
        Document d = indexCollection.find(Filters.in("_id", keys)).first();
        return d == null ? null : new PartRef(d.getString("mt"), d.getInteger("part"));
    }

    private CompletableFuture<Void> apply(PartRef ref, Receipt receipt) {
        if (Mt.isFinal(receipt.stat())) ref.settled = true;
        Mt mt = live.get(ref.mtId);
        if (mt == null) mt = load(ref.mtId);
        if (mt == null) return CompletableFuture.completedFuture(null);
        State before;
        State after;
        boolean idLearnt;
        CompletableFuture<BulkBatcher.Outcome> stored;
        synchronized (mt) {
            before = mt.state;
            // a part indexed but not yet marked submitted when its run stopped: the receipt says it went
            idLearnt = mt.smscIds[ref.part] == null;
            if (idLearnt) mt.smscIds[ref.part] = receipt.smscId();
            mt.receipts[ref.part] = receipt.stat();
            after = mt.aggregate();
            if (after.ordinal() > before.ordinal() || after == State.FAILED) mt.state = after;
            else after = before;
            // queued under the lock, so the stored state follows the order of the changes
            Document set = new Document("receipts." + ref.part, receipt.stat()).append("updatedAt", Date.from(clock.instant()));
            if (idLearnt) set.append("smscIds." + ref.part, receipt.smscId());
            if (after != before) set.append("state", after.name());
            if (after == State.FAILED && mt.error != null) set.append("error", mt.error);
            stored = mtWrites.set(mt.id, set);
        }
        if (after != before) {
            publish(mt, after);
            settleIfFinal(mt);
            if (after == State.SUBMITTED) awaitingReceipts.add(new Submitted(mt.id, clock.millis()));
        }
        return stored.thenApply(o -> null);
    }

    /**
     * Once a second, off the event loop. Once the binds have been up long enough for the SMSC to
     * hand over the receipts it kept while no hub was bound, parts the SMSC may have (taken back
     * from a stopped run, or submitted without an answer) are checked against the orphan receipts:
     * those the SMSC has are recorded, the others queued.
     */
    public void sweep(boolean boundLongEnough) {
        if (boundLongEnough) reconcileSuspects();
        forgetSubmitted(clock.millis() - SUBMITTED_KEPT.toMillis());
    }

    /** MTs fully submitted before {@code before} leave memory; their receipts, if any come, read them from the store. */
    private void forgetSubmitted(long before) {
        Submitted s;
        while ((s = awaitingReceipts.peek()) != null && s.at() < before) {
            awaitingReceipts.poll();
            live.computeIfPresent(s.mtId(), (id, mt) -> {
                synchronized (mt) {
                    return mt.state == State.SUBMITTED ? null : mt;
                }
            });
        }
    }

    /** MTs held in memory: being sent, or awaiting receipts for a while. */
    int inMemory() {
        return live.size();
    }

    /**
     * Every {@value #HELD_LOOK_MS} ms on its own thread: receipts held a moment are looked up in
     * the index again (another hub's message, indexed a moment late); those held {@value #HOLD_MS}
     * ms that it still does not know become orphans. Each is answered to the SMSC once settled.
     */
    private void settleHeld() {
        long now = clock.millis();
        for (HeldReceipts.Held h : held.takeOlderThan(now - HELD_LOOK_MS)) {
            Receipt r = h.receipt();
            Collection<String> keys = SmscIds.lookups(r.smscId());
            try {
                PartRef ref = indexed(keys);
                if (ref != null) {
                    settle(h, apply(ref, r));
                } else if (now - h.since() < HOLD_MS) {
                    held.putBack(keys, h);
                } else {
                    orphans.add(r, clock.instant());
                    log.info("receipt for unknown SMSC id {} ({}) from {} kept as an orphan", r.smscId(), r.stat(),
                            PhoneMask.mask(r.from()));
                    h.settled().complete(null);
                }
            } catch (RuntimeException e) {
                h.settled().completeExceptionally(e); // not acknowledged: the SMSC delivers it again
            }
        }
    }

    private void reconcileSuspects() {
        List<Job> taken = new ArrayList<>();
        long cutoff = clock.millis() - SUSPECT_WAIT_MS;
        synchronized (suspects) {
            for (var it = suspects.iterator(); it.hasNext(); ) {
                Suspect s = it.next();
                if (s.since() > cutoff) continue;
                taken.add(s.job());
                it.remove();
            }
        }
        if (taken.isEmpty()) return;
        List<OrphanMatcher.Match> matches = OrphanMatcher.match(taken, orphans.all());
        for (OrphanMatcher.Match m : matches) {
            Receipt r = m.orphan().receipt();
            submitted(new Job(m.mt(), m.part()), r.smscId());
            onReceipt(r);
            orphans.remove(r.smscId());
        }
        int queuedParts = 0;
        for (Job job : taken) {
            boolean unsent;
            synchronized (job.mt()) {
                unsent = job.mt().smscIds[job.part()] == null;
            }
            if (unsent) {
                jobs.add(job);
                queuedParts++;
            }
        }
        log.info("outbox: {} part(s) the SMSC may have had checked: {} known from orphan receipts, {} queued again",
                taken.size(), matches.size(), queuedParts);
        orphans.purgeBefore(clock.instant().minus(ORPHANS_KEPT));
    }

    private Mt load(String id) {
        Document d = mtCollection.find(Filters.eq("_id", id)).first();
        if (d == null) return null;
        int n = d.getInteger("parts", 1);
        String[] smscIds = d.getList("smscIds", String.class, List.of()).toArray(new String[n]);
        String[] receipts = d.getList("receipts", String.class, List.of()).toArray(new String[n]);
        Mt mt = new Mt(id, d.getString("to"), Priority.valueOf(d.getString("priority")), List.of(),
                Arrays.copyOf(smscIds, n), Arrays.copyOf(receipts, n), 0);
        mt.state = State.valueOf(d.getString("state"));
        mt.error = d.getString("error");
        return mt;
    }

    private void settleIfFinal(Mt mt) {
        if (mt.state == State.DELIVERED || mt.state == State.FAILED) live.remove(mt.id);
    }

    private void publish(Mt mt, State state) {
        try {
            statusListener.accept(new SmsStatus(mt.id, mt.to, state, mt.smscIdList(), mt.error, clock.instant()));
        } catch (RuntimeException e) {
            log.warn("status listener failed: {}", e.toString());
        }
    }

    // ------------------------------------------------------------------ health

    /** Parts waiting for a window slot, and those waiting to be checked against orphan receipts. */
    public int queued() {
        synchronized (suspects) {
            return jobs.size() + suspects.size();
        }
    }

    public long submittedParts() {
        return submitted.get();
    }

    public long failedMessages() {
        return failed.get();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        heldLooker.shutdownNow();
        if (matching == ReceiptMatching.IN_MEMORY) {
            // the next run reads them back from sms_mt too; indexed, another store user finds them as well
            List<Map.Entry<String, PartRef>> awaiting = new ArrayList<>();
            synchronized (recentIds) {
                for (Map.Entry<String, PartRef> e : recentIds.entrySet()) if (!e.getValue().settled) awaiting.add(e);
            }
            awaiting.forEach(e -> index(e.getKey(), e.getValue()));
        }
        mtInserts.close();
        mtWrites.close();
        indexWrites.close();
    }
}
