package org.sandian.broadcast.subscriber;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sandian.content.bus.FarmerProfile;

/**
 * The profiles most recently asked for, unknown numbers included (as empty), least recently used
 * dropped first. Every SMS asks for its sender's profile: a hit costs no store round trip.
 * Entries are replaced or invalidated by whoever changes a subscriber.
 *
 * <p>A miss is read from the store off the ordered queue, so it may finish after a change was
 * cached: it is stored only through {@link #putRead} with the {@link #ticket} taken before the
 * read, and dropped when anything changed since (changes are rare; the next miss reads again).
 */
public final class ProfileCache {

    private final Map<String, Optional<FarmerProfile>> entries;
    private long hits;
    private long misses;
    private long changes;

    public ProfileCache(int capacity) {
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<FarmerProfile>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached answer (empty Optional = known unknown), or null when not cached. */
    public synchronized Optional<FarmerProfile> get(String phone) {
        Optional<FarmerProfile> p = entries.get(phone);
        if (p == null) misses++;
        else hits++;
        return p;
    }

    /** A change's profile (a command applied): always wins over reads in flight. */
    public synchronized void put(String phone, FarmerProfile profile) {
        changes++;
        entries.put(phone, Optional.ofNullable(profile));
    }

    /** Taken before a store read; hand it to {@link #putRead}. */
    public synchronized long ticket() {
        return changes;
    }

    /** Caches what a read found, unless a change came in since its ticket (the read may be older); true when stored. */
    public synchronized boolean putRead(String phone, FarmerProfile profile, long ticket) {
        if (ticket != changes) return false;
        entries.put(phone, Optional.ofNullable(profile));
        return true;
    }

    public synchronized void invalidate(String phone) {
        changes++;
        entries.remove(phone);
    }

    public synchronized void clear() {
        changes++;
        entries.clear();
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }
}
