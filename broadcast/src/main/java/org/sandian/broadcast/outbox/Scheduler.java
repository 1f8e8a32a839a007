package org.sandian.broadcast.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.sandian.broadcast.core.Broadcast;
import org.sandian.broadcast.core.BroadcastState;
import org.sandian.broadcast.core.BroadcastStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due broadcasts: inserts the occurrence (its id makes the firing happen once, whichever
 * node gets there first), moves the broadcast to its next firing, and writes the outbox
 * ({@link FanOut}) on the fan-out executor; the occurrence is sent only once that is complete. An
 * occurrence found still fanning out at start (the hub stopped meanwhile) is fanned out again.
 * {@link #tick()} is called periodically (and directly by tests with a fixed clock). Blocking.
 */
public final class Scheduler {

    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

    private final BroadcastStore broadcasts;
    private final OccurrenceStore occurrences;
    private final FanOut fanOut;
    private final OccurrenceCloser closer;
    private final ExecutorService fanOutExecutor;
    private final ZoneId zone;
    private final Clock clock;
    private final Consumer<String> changed;
    private final Consumer<Broadcast> published;
    private final Set<String> fanningOut = ConcurrentHashMap.newKeySet();
    private final FanOutLease leases;

    /**
     * @param published called with each fired broadcast that has TV or WEB among its channels
     */
    public Scheduler(BroadcastStore broadcasts, OccurrenceStore occurrences, FanOut fanOut, OccurrenceCloser closer,
                     ExecutorService fanOutExecutor, ZoneId zone, Clock clock, Consumer<String> changed,
                     Consumer<Broadcast> published) {
        this.broadcasts = broadcasts;
        this.occurrences = occurrences;
        this.fanOut = fanOut;
        this.closer = closer;
        this.fanOutExecutor = fanOutExecutor;
        this.zone = zone;
        this.clock = clock;
        this.changed = changed;
        this.published = published;
        this.leases = new FanOutLease(fanOut.chunks(), FanOutLease.LEASE_MILLIS);
    }

    /** What one tick did: {"fired": n, "missed": n, "resumed": n}. */
    public Map<String, Integer> tick() {
        Map<String, Integer> counts = new HashMap<>(Map.of("fired", 0, "missed", 0, "resumed", 0));
        Instant now = clock.instant();
        for (Broadcast b : broadcasts.all()) {
            boolean due = (b.state() == BroadcastState.SCHEDULED || b.state() == BroadcastState.SENDING)
                    && b.nextFireAt() != null && !now.isBefore(b.nextFireAt());
            if (due) counts.merge(fire(b, now), 1, Integer::sum);
        }
        for (Occurrence o : occurrences.all()) {
            if (o.state() == OccurrenceState.FANNING_OUT && !fanningOut.contains(o.id())) {
                Broadcast b = broadcasts.find(o.broadcastId());
                if (b != null) {
                    counts.merge("resumed", 1, Integer::sum);
                    startFanOut(b, o);
                }
            }
        }
        return counts;
    }

    private String fire(Broadcast b, Instant now) {
        Instant fireAt = b.nextFireAt();
        Instant next = b.schedule().nextAfter(fireAt, zone);
        while (next != null && !next.isAfter(now)) next = b.schedule().nextAfter(next, zone); // hub was down: no backlog
        Instant expiresAt = b.validFor() == null ? null : fireAt.plus(b.validFor());
        if (expiresAt != null && now.isAfter(expiresAt)) {
            BroadcastState s = next != null ? b.state() : BroadcastState.EXPIRED;
            broadcasts.update(b.nextFire(next, s, now));
            log.info("broadcast {} missed its firing of {} (expired before it could start)", b.id(), fireAt);
            return "missed";
        }
        Occurrence o = new Occurrence(Occurrence.idOf(b.id(), b.fired() + 1), b.id(), b.fired() + 1, fireAt, expiresAt,
                OccurrenceState.FANNING_OUT, Map.of(), Map.of(), 0, null, null, null, 0);
        if (!occurrences.insert(o)) return "missed";
        Broadcast firing = b.fired(next, now);
        if (!broadcasts.update(firing)) {
            occurrences.delete(o.id()); // changed meanwhile (cancelled, paused): the next tick decides again
            return "missed";
        }
        log.info("broadcast {} fires occurrence {}", b.id(), o.n());
        published.accept(firing);
        startFanOut(firing, o);
        return "fired";
    }

    private void startFanOut(Broadcast b, Occurrence o) {
        if (!fanningOut.add(o.id())) return;
        fanOutExecutor.execute(() -> {
            FanOutLease.Held lease = null;
            try {
                // fanningOut is per node: the lease makes the fan-out once per cluster.
                lease = leases.take(o.id());
                if (lease == null) return;
                Occurrence before = occurrences.find(o.id());
                if (before == null || before.state() != OccurrenceState.FANNING_OUT) {
                    if (before == null) lease.release();
                    else lease.finish(); // another node completed it (and died before ending its lease)
                    return;
                }
                long t0 = System.nanoTime();
                FanOut.Result r = fanOut.run(b, o.id(), lease::keep);
                double seconds = (System.nanoTime() - t0) / 1e9;
                lease.check();
                Occurrence latest = occurrences.find(o.id()); // numbers stopped meanwhile were added to it
                Occurrence sending = new Occurrence(o.id(), o.broadcastId(), o.n(), o.fireAt(), o.expiresAt(),
                        OccurrenceState.SENDING, r.chunks(), r.entries(), 0, latest == null ? o.stopped() : latest.stopped(),
                        clock.instant(), null, seconds);
                occurrences.replace(sending);
                lease.finish();
                lease = null;
                log.info("broadcast occurrence {}: {} entries in {} chunks written in {} s", o.id(),
                        sending.totalEntries(), sending.totalChunks(), String.format("%.1f", seconds));
                if (sending.totalChunks() == 0) closer.complete(sending);
                changed.accept(b.id());
            } catch (RuntimeException e) {
                log.warn("fan-out of {} failed, retried at the next tick: {}", o.id(), e.toString());
                if (lease != null) releaseQuietly(lease);
            } finally {
                fanningOut.remove(o.id());
            }
        });
    }

    private static void releaseQuietly(FanOutLease.Held lease) {
        try {
            lease.release();
        } catch (RuntimeException e) {
            log.warn("fan-out lease not given back (it expires by itself): {}", e.toString());
        }
    }

    /** True while a fan-out runs on this node. */
    public boolean isFanningOut() {
        return !fanningOut.isEmpty();
    }
}
