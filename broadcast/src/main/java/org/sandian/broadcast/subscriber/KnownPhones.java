package org.sandian.broadcast.subscriber;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;

/**
 * Which phones have a subscriber record, in memory, so that a text from a number the hub has never
 * registered (most senders of a keyword) costs no store read for its profile. Loaded once at start
 * (phones as numbers, sorted: about 8 bytes a subscriber); phones changed since are kept beside.
 * Until a load has finished, and after a bulk change until the next one has, every phone may exist.
 */
final class KnownPhones {

    private volatile long[] loaded;
    private final Set<String> added = ConcurrentHashMap.newKeySet();
    /** Bumped by {@link #reset}: a load that began before a bulk change must not count as current. */
    private volatile long generation;

    /** Reads every phone (blocking: call from a worker); returns how many. */
    int load(SubscriberStore store) {
        long startedAt = generation;
        LongStream.Builder phones = LongStream.builder();
        int[] n = {0};
        store.forEachPhone(phone -> {
            long number = asNumber(phone);
            if (number < 0) {
                added.add(phone); // not a +digits phone: kept as it is
                return;
            }
            phones.add(number);
            n[0]++;
        });
        long[] sorted = phones.build().sorted().toArray();
        synchronized (this) {
            if (generation == startedAt) loaded = sorted;
        }
        return n[0];
    }

    /** False only when the phone surely has no record. */
    boolean mayExist(String phone) {
        long[] l = loaded;
        if (l == null || added.contains(phone)) return true;
        long number = asNumber(phone);
        return number < 0 || Arrays.binarySearch(l, number) >= 0;
    }

    /** A phone saved here or announced as changed elsewhere. */
    void add(String phone) {
        added.add(phone);
    }

    /** Many phones changed at once (an import): nothing is known until {@link #load} runs again. */
    synchronized void reset() {
        generation++;
        loaded = null;
    }

    boolean isLoaded() {
        return loaded != null;
    }

    /** "+8613800000000" as 8613800000000; -1 for anything else. */
    private static long asNumber(String phone) {
        if (phone == null || phone.length() < 2 || phone.length() > 19 || phone.charAt(0) != '+') return -1;
        long v = 0;
        for (int i = 1; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
