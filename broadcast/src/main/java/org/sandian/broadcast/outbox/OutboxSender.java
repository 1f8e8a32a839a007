package org.sandian.broadcast.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.sandian.broadcast.core.Broadcast;
import org.sandian.broadcast.core.BroadcastState;
import org.sandian.broadcast.core.BroadcastStore;
import org.sandian.content.answer.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds. Worker threads claim chunks (a lease by {@code _id}, see
 * {@link ChunkStore}), hand each queued entry to its channel under the channel's shared
 * {@link RateLimiter} and a window of unacknowledged messages, record progress through the
 * {@link StateWriter}, and mark the chunk done once every entry is handed over. Before each entry
 * a worker checks the broadcast (paused, cancelled), quiet hours, expiry and the numbers that have
 * just stopped. After a crash, another worker (or the restarted hub) takes the chunk over from its
 * stored progress mark; entries handed over after the last mark go again under the same ids and
 * the channel sends each id once.
 */
public final class OutboxSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final long IDLE_MILLIS = 50;
    private static final long RETRY_MILLIS = 500;
    private static final int PROGRESS_EVERY = 100;
    /**
     * Occurrences are re-read when told ({@link #refreshSoon}: the engine calls it on every
     * broadcast change, on this node or announced on the bus by another) and otherwise this often,
     * in case an announcement was missed (a bus message lost while a node joins, for example).
     */
    static final long REFRESH_MILLIS = 10_000;

    /** An occurrence being sent and its broadcast as last read. */
    record Active(Occurrence occurrence, Broadcast broadcast) {
    }

    private final ChunkStore chunks;
    private final OccurrenceStore occurrences;
    private final BroadcastStore broadcasts;
    private final StateWriter writer;
    private final OccurrenceCloser closer;
    private final Map<Channel, ChannelLink> links;
    private final Map<Channel, RateLimiter> limiters = new EnumMap<>(Channel.class);
    private final SenderOptions options;
    private final Clock clock;
    private final Set<String> stopped;
    private final String owner = "sender-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Thread> threads = new ArrayList<>();
    private final Map<String, Set<String>> finished = new ConcurrentHashMap<>();
    private final Set<String> heldHere = ConcurrentHashMap.newKeySet();
    private final Map<String, ChunkRun> inHand = new ConcurrentHashMap<>();
    private final LongSupplier queuedEntries = this::queuedEntries;
    private final AtomicLong handedOver = new AtomicLong();
    private volatile List<Active> active = List.of();
    private volatile long refreshedAt;
    private volatile boolean running;
    private volatile boolean halted;

    public OutboxSender(ChunkStore chunks, OccurrenceStore occurrences, BroadcastStore broadcasts, StateWriter writer,
                        OccurrenceCloser closer, Map<Channel, ChannelLink> links, SenderOptions options, Clock clock,
                        Set<String> stopped) {
        this.chunks = chunks;
        this.occurrences = occurrences;
        this.broadcasts = broadcasts;
        this.writer = writer;
        this.closer = closer;
        this.links = links;
        this.options = options;
        this.clock = clock;
        this.stopped = stopped;
        for (Channel c : links.keySet()) limiters.put(c, new RateLimiter(options.tpsOf(c)));
    }

    public void start() {
        running = true;
        BroadcastMeters.track(queuedEntries);
        for (int i = 0; i < options.workers(); i++) {
            Thread t = new Thread(this::work, "broadcast-sender-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** Messages handed to channels by this node so far. */
    public long handedOver() {
        return handedOver.get();
    }

    /** Re-read occurrences and broadcasts before the next claim (a broadcast changed). */
    public void refreshSoon() {
        refreshedAt = 0;
    }

    /**
     * Entries of the sending occurrences not yet handed over, as this node knows them: whole chunks
     * not done, less what the chunks in hand here have handed over (a chunk held by another node
     * counts whole).
     */
    long queuedEntries() {
        long n = 0;
        for (Active a : active) {
            Occurrence o = a.occurrence;
            n += Math.max(0, o.totalEntries() - (long) o.chunksDone() * ChunkStore.SIZE);
        }
        for (ChunkRun r : inHand.values()) n -= r.mark - r.chunk.next();
        return Math.max(0, n);
    }

    /** The stored occurrence after a chunk of it was done: its count is what the depth gauge reads. */
    private synchronized void updated(Occurrence o) {
        List<Active> list = new ArrayList<>(active.size());
        for (Active a : active) list.add(a.occurrence.id().equals(o.id()) ? new Active(o, a.broadcast) : a);
        active = list;
    }

    private void work() {
        while (running) {
            try {
                refreshIfStale();
                Job job = nextJob();
                if (job == null) {
                    TimeUnit.MILLISECONDS.sleep(IDLE_MILLIS);
                    continue;
                }
                try {
                    ChunkRun run = new ChunkRun(job);
                    if (run.chunk != null) inHand.put(job.claim.chunkId(), run);
                    run.run();
                } finally {
                    inHand.remove(job.claim.chunkId());
                    heldHere.remove(job.claim.chunkId());
                }
            } catch (InterruptedException e) {
                if (!running) return;
            } catch (RuntimeException e) {
                if (!running) return;
                log.warn("broadcast sender: {}", e.toString());
                sleepQuietly(RETRY_MILLIS);
            }
        }
    }

    /**
     * Reads the sending occurrences and their broadcasts, when told or every {@link #REFRESH_MILLIS}.
     * Between two reads nothing here touches the store: chunk claims carry the truth (a chunk done
     * elsewhere is refused and remembered), pause, resume and cancel arrive as announcements, and
     * the stopped numbers through the engine's own listener.
     */
    private synchronized void refreshIfStale() {
        long now = System.currentTimeMillis();
        if (now - refreshedAt < REFRESH_MILLIS) return;
        refreshedAt = now;
        List<Active> list = new ArrayList<>();
        for (Occurrence o : occurrences.sending()) {
            Broadcast b = broadcasts.find(o.broadcastId());
            if (b == null) continue;
            if (b.state() == BroadcastState.CANCELLED) {
                closer.cancel(o);
                continue;
            }
            for (String phone : o.stopped()) stopped.add(phone);
            list.add(new Active(o, b));
        }
        active = list;
    }

    private Broadcast current(String broadcastId) {
        for (Active a : active) if (a.broadcast.id().equals(broadcastId)) return a.broadcast;
        return null;
    }

    private record Job(Active active, Channel channel, ChunkStore.Claim claim) {
    }

    private Job nextJob() {
        Instant now = clock.instant();
        long nowMillis = now.toEpochMilli();
        for (Active a : active) {
            Occurrence o = a.occurrence;
            if (a.broadcast.state() != BroadcastState.SENDING) continue;
            boolean expired = o.isExpired(now);
            if (!expired && a.broadcast.quietHours() != null && a.broadcast.quietHours().isQuiet(now, options.zone())) continue;
            Set<String> done = finished.computeIfAbsent(o.id(), k -> ConcurrentHashMap.newKeySet());
            for (Map.Entry<Channel, Integer> e : o.chunks().entrySet()) {
                if (!links.containsKey(e.getKey())) continue;
                for (int k = 0; k < e.getValue(); k++) {
                    String chunkId = EntryKey.chunkId(o.id(), e.getKey(), k);
                    if (done.contains(chunkId) || heldHere.contains(chunkId)) continue;
                    if (!heldHere.add(chunkId)) continue;
                    ChunkStore.Claim claim = chunks.claim(chunkId, owner, nowMillis, nowMillis + options.leaseMillis());
                    if (claim != null) return new Job(a, e.getKey(), claim);
                    heldHere.remove(chunkId);
                    if (chunks.isDone(chunkId)) done.add(chunkId);
                }
            }
        }
        return null;
    }

    /** One claimed chunk, sent from its progress mark to its end (or until told to stop). */
    private final class ChunkRun {
        private final Job job;
        private final Chunk chunk;
        private final ChannelLink link;
        private final RateLimiter limiter;
        private final Semaphore window = new Semaphore(options.window());
        private final BitSet acked = new BitSet();
        private final ConcurrentLinkedQueue<Integer> retries = new ConcurrentLinkedQueue<>();
        private volatile int mark;
        private int reported;
        private long renewAt;
        private boolean lost;

        ChunkRun(Job job) {
            this.job = job;
            this.chunk = chunks.load(job.claim.chunkId());
            this.link = links.get(job.channel);
            this.limiter = limiters.get(job.channel);
            this.mark = chunk == null ? 0 : chunk.next();
            this.reported = mark;
            this.renewAt = System.currentTimeMillis() + options.leaseMillis() / 3;
        }

        void run() throws InterruptedException {
            if (chunk == null) {
                chunks.release(job.claim);
                return;
            }
            for (int i = chunk.next(); i < chunk.size(); i++) {
                if (!mayGoOn()) return;
                if (job.active.occurrence.isExpired(clock.instant())) {
                    expireFrom(i);
                    break;
                }
                handOver(i);
                retry();
            }
            while (!allAcked()) {
                if (!mayGoOn()) return;
                retry();
                TimeUnit.MILLISECONDS.sleep(5);
            }
            writer.progress(chunk.id(), chunk.size());
            writer.flush(chunk.id());
            if (chunks.finish(job.claim)) {
                finished.computeIfAbsent(chunk.occurrenceId(), k -> ConcurrentHashMap.newKeySet()).add(chunk.id());
                Occurrence o = occurrences.chunkDone(chunk.occurrenceId());
                if (o != null) updated(o);
                if (o != null && o.chunksDone() >= o.totalChunks() && o.state() == OccurrenceState.SENDING) closer.complete(o);
            }
        }

        private void handOver(int i) throws InterruptedException {
            EntryKey key = chunk.key(i);
            if (EntryState.of(chunk.states()[i]) != EntryState.QUEUED) {
                ack(i);
                return;
            }
            if (stopped.contains(key.phone())) {
                writer.record(key, EntryState.SKIPPED, null);
                BroadcastMeters.entry(job.channel, EntryState.SKIPPED);
                ack(i);
                return;
            }
            send(i);
        }

        private void send(int i) throws InterruptedException {
            EntryKey key = chunk.key(i);
            Broadcast.Message message = job.active.broadcast.messageFor(chunk.langs().get(i));
            limiter.acquire();
            // Wait in slices shorter than a third of the lease (a channel may take its whole timeout,
            // as long as the lease, to answer), renewing between them so the chunk is not taken over.
            while (!window.tryAcquire(waitSliceMillis(), TimeUnit.MILLISECONDS)) {
                if (!running || halted || !keepLease()) {
                    retries.add(i); // not sent: the next owner sends it from the progress mark
                    return;
                }
            }
            if (halted) {
                window.release();
                return;
            }
            link.send(key, message, job.active.broadcast).onComplete(r -> {
                window.release();
                if (r.succeeded()) {
                    handedOver.incrementAndGet();
                    BroadcastMeters.entry(job.channel, EntryState.SUBMITTED);
                    writer.record(key, EntryState.SUBMITTED, null);
                    ack(i);
                } else {
                    retries.add(i);
                }
            });
        }

        private void retry() throws InterruptedException {
            Integer i = retries.poll();
            if (i == null) return;
            log.debug("broadcast entry {}:{} not taken by its channel, retrying", chunk.key(i).chunkId(), i); // no phone in logs
            TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
            if (stopped.contains(chunk.phones().get(i))) {
                writer.record(chunk.key(i), EntryState.SKIPPED, null);
                BroadcastMeters.entry(job.channel, EntryState.SKIPPED);
                ack(i);
            } else {
                send(i);
            }
        }

        private void expireFrom(int from) throws InterruptedException {
            while (window.availablePermits() < options.window() && !halted) TimeUnit.MILLISECONDS.sleep(5);
            for (int j = from; j < chunk.size(); j++) {
                if (!acked.get(j) && EntryState.of(chunk.states()[j]) == EntryState.QUEUED) {
                    writer.record(chunk.key(j), EntryState.EXPIRED, "expired");
                    BroadcastMeters.entry(job.channel, EntryState.EXPIRED);
                }
                ack(j);
            }
            Integer r;
            while ((r = retries.poll()) != null) {
                writer.record(chunk.key(r), EntryState.EXPIRED, "expired");
                BroadcastMeters.entry(job.channel, EntryState.EXPIRED);
            }
        }

        private synchronized void ack(int i) {
            acked.set(i);
            int next = acked.nextClearBit(mark);
            mark = next;
            if (mark - reported >= PROGRESS_EVERY) {
                reported = mark;
                writer.progress(chunk.id(), mark);
            }
        }

        private synchronized boolean allAcked() {
            return acked.nextClearBit(chunk.next()) >= chunk.size() && retries.isEmpty();
        }

        /** False when the chunk must be left (paused, cancelled, quiet, lease lost, stopping). */
        private boolean mayGoOn() {
            if (!running) {
                if (!halted) leave();
                return false;
            }
            Broadcast b = current(job.active.broadcast.id());
            Instant now = clock.instant();
            boolean expired = job.active.occurrence.isExpired(now);
            boolean quiet = !expired && b != null && b.quietHours() != null && b.quietHours().isQuiet(now, options.zone());
            if (b == null || b.state() != BroadcastState.SENDING || quiet) {
                leave();
                return false;
            }
            return keepLease();
        }

        /** Renews the lease when a third of it has passed; false (for good) once it is lost. */
        private boolean keepLease() {
            if (lost) return false;
            long t = System.currentTimeMillis();
            if (t >= renewAt) {
                renewAt = t + options.leaseMillis() / 3;
                if (!chunks.renew(job.claim, clock.millis() + options.leaseMillis())) {
                    log.info("lost the lease of {}", chunk.id());
                    lost = true;
                }
            }
            return !lost;
        }

        private long waitSliceMillis() {
            return Math.max(1, options.leaseMillis() / 4);
        }

        /** Waits for what is in flight, records progress and gives the chunk back. */
        private void leave() {
            long until = System.currentTimeMillis() + 5_000;
            while (window.availablePermits() < options.window() && System.currentTimeMillis() < until && !halted) {
                sleepQuietly(5);
            }
            if (halted) return;
            synchronized (this) {
                writer.progress(chunk.id(), mark);
            }
            writer.flush(chunk.id());
            chunks.release(job.claim);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the workers; chunks in hand are given back with their progress. */
    @Override
    public void close() {
        running = false;
        BroadcastMeters.untrack(queuedEntries);
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops at once without giving anything back: what a crash does (tests, the bench). */
    public void halt() {
        halted = true;
        running = false;
        BroadcastMeters.untrack(queuedEntries);
        for (Thread t : threads) t.interrupt();
    }
}
