package org.sandian.content.memo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a pure function gave for each input, up to {@code max} inputs: farmers send the same few
 * words, typos and questions over and over, so the work per message is mostly done already. Past
 * {@code max} it forgets everything and starts over: odd inputs cannot grow it for ever, and the
 * common ones are back at once. Thread-safe; two threads missing the same input both compute it,
 * which is harmless for a pure function (the results are equal).
 */
public final class Memo<K, V> {

    private final int max;
    private final Map<K, V> known = new ConcurrentHashMap<>();

    public Memo(int max) {
        if (max < 1) throw new IllegalArgumentException("max must be at least 1");
        this.max = max;
    }

    /** The result for {@code key}: remembered, else {@code compute}'s (which must not be null), then remembered. */
    public V get(K key, Function<? super K, ? extends V> compute) {
        V value = known.get(key);
        if (value != null) return value;
        value = compute.apply(key);
        if (known.size() >= max) known.clear();
        known.put(key, value);
        return value;
    }
}
