package org.sandian.channels.sms.mt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sandian.channels.sms.mo.Receipt;

/**
 * Receipts whose SMSC id was known neither in memory nor in the receipts index when they came:
 * mostly a fast SMSC's receipt beating our handling of its submit_sm_resp (the submit takes it),
 * else another hub's message whose index entry is a moment late, or a submit that was in flight
 * when a hub died ({@link OrphanReceipts}). Keyed by each normal form of the id; bounded.
 */
final class HeldReceipts {

    private static final int MAX = 100_000;

    private record Held(Receipt receipt, long since) {
    }

    private final Map<String, Held> byKey = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Held> eldest) {
            return size() > MAX;
        }
    };

    synchronized void hold(Collection<String> keys, Receipt receipt, long nowMillis) {
        Held h = new Held(receipt, nowMillis);
        for (String key : keys) byKey.put(key, h);
    }

    /** The receipt held under this key, no longer held (under any of its keys); null if none. */
    synchronized Receipt take(String key) {
        Held h = byKey.remove(key);
        if (h == null) return null;
        byKey.values().removeIf(other -> other == h);
        return h.receipt();
    }

    /** The receipts held since before {@code cutoffMillis}, no longer held. */
    synchronized List<Receipt> takeOlderThan(long cutoffMillis) {
        List<Receipt> out = new ArrayList<>();
        for (Iterator<Held> it = byKey.values().iterator(); it.hasNext(); ) {
            Held h = it.next();
            if (h.since() >= cutoffMillis) break; // insertion order: the rest are newer
            if (!out.contains(h.receipt())) out.add(h.receipt());
            it.remove();
        }
        return out;
    }

    synchronized int size() {
        return byKey.size();
    }
}
