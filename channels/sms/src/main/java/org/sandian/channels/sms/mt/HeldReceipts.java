package org.sandian.channels.sms.mt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.sandian.channels.sms.mo.Receipt;

/**
 * Receipts whose SMSC id was known neither in memory nor in the receipts index when they came:
 * mostly a fast SMSC's receipt beating our handling of its submit_sm_resp (the submit takes it),
 * else another hub's message whose index entry is a moment late, or a submit that was in flight
 * when a hub died ({@link OrphanReceipts}). Keyed by each normal form of the id; bounded.
 *
 * <p>A held receipt is not acknowledged to the SMSC until it is settled (applied to its part, or
 * kept as an orphan): if the hub dies meanwhile the SMSC delivers it again, and it is not lost.
 */
final class HeldReceipts {

    private static final int MAX = 100_000;

    /** A receipt held, since when, and what completes once it is settled (the SMSC is answered then). */
    record Held(Receipt receipt, long since, CompletableFuture<Void> settled) {
    }

    private final Map<String, Held> byKey = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Held> eldest) {
            return size() > MAX;
        }
    };

    /** Holds it; the future completes when whoever takes it has settled it. */
    synchronized CompletableFuture<Void> hold(Collection<String> keys, Receipt receipt, long nowMillis) {
        Held h = new Held(receipt, nowMillis, new CompletableFuture<>());
        for (String key : keys) byKey.put(key, h);
        return h.settled();
    }

    /** The receipt held under this key, no longer held (under any of its keys); null if none. */
    synchronized Held take(String key) {
        Held h = byKey.remove(key);
        if (h == null) return null;
        byKey.values().removeIf(other -> other == h);
        return h;
    }

    /** The receipts held since before {@code cutoffMillis}, no longer held. */
    synchronized List<Held> takeOlderThan(long cutoffMillis) {
        // one receipt stands under each normal form of its id: taken once
        Set<Held> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Iterator<Held> it = byKey.values().iterator(); it.hasNext(); ) {
            Held h = it.next();
            if (h.since() >= cutoffMillis) continue;
            out.add(h);
            it.remove();
        }
        return new ArrayList<>(out);
    }

    /** Held again as it was (same age, same future), after a look that settled nothing. */
    synchronized void putBack(Collection<String> keys, Held h) {
        for (String key : keys) byKey.put(key, h);
    }

    synchronized int size() {
        return byKey.size();
    }
}
