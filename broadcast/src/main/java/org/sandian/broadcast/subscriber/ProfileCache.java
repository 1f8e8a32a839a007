package org.sandian.broadcast.subscriber;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sandian.content.bus.FarmerProfile;

/**
 * The profiles most recently asked for, unknown numbers included (as empty), least recently used
 * dropped first. Every SMS asks for its sender's profile: a hit costs no store round trip.
 * Entries are replaced or invalidated by whoever changes a subscriber.
 */
public final class ProfileCache {

    private final Map<String, Optional<FarmerProfile>> entries;
    private long hits;
    private long misses;

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

    public synchronized void put(String phone, FarmerProfile profile) {
        entries.put(phone, Optional.ofNullable(profile));
    }

    public synchronized void invalidate(String phone) {
        entries.remove(phone);
    }

    public synchronized void clear() {
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
