package org.sandian.broadcast.outbox;

import java.util.UUID;

/**
 * One node at a time fans out an occurrence, cluster-wide: the fan-out takes a lease in the claims
 * collection (the same fenced mechanism as chunks) and renews it as it writes, so two hubs never
 * rewrite one occurrence's chunks at once (a rewrite zeroes the entry states). Wall-clock time:
 * the lease is about a node being alive, not about the schedule. Blocking.
 */
final class FanOutLease {

    static final long LEASE_MILLIS = 30_000;

    private final ChunkStore store;
    private final long leaseMillis;
    private final String owner = "fanout-" + UUID.randomUUID().toString().substring(0, 8);

    FanOutLease(ChunkStore store, long leaseMillis) {
        this.store = store;
        this.leaseMillis = leaseMillis;
    }

    /** The held lease, or null when another node fans the occurrence out (or did already). */
    Held take(String occurrenceId) {
        long now = System.currentTimeMillis();
        ChunkStore.Claim c = store.claim(ChunkStore.fanOutId(occurrenceId), owner, now, now + leaseMillis);
        return c == null ? null : new Held(c);
    }

    final class Held {
        private final ChunkStore.Claim claim;
        private long renewAt = System.currentTimeMillis() + leaseMillis / 3;

        private Held(ChunkStore.Claim claim) {
            this.claim = claim;
        }

        /** Renews when a third of the lease has passed; throws once it is lost, which stops the fan-out. */
        void keep() {
            long t = System.currentTimeMillis();
            if (t < renewAt) return;
            renewAt = t + leaseMillis / 3;
            if (!store.renew(claim, t + leaseMillis)) throw new IllegalStateException("lost the fan-out lease of " + claim.chunkId());
        }

        /** Checks the lease right now (before the occurrence is switched to sending). */
        void check() {
            renewAt = 0;
            keep();
        }

        void finish() {
            store.finish(claim);
        }

        void release() {
            store.release(claim);
        }
    }
}
