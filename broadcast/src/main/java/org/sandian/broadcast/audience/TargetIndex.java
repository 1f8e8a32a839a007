package org.sandian.broadcast.audience;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.sandian.broadcast.subscriber.Subscriber;
import org.sandian.broadcast.subscriber.SubscriberStore;
import org.sandian.content.answer.Channel;

/**
 * What audiences look at for every subscriber, in memory, so a fan-out or a count does not scan
 * the store (about 1 s per 20,000 subscribers on a busy embedded store). Loaded once at start,
 * then kept current one phone at a time from the change announcements (directory, API, import).
 * Regions, crop and topic lists and channel sets are shared between subscribers: about 200 bytes
 * a subscriber. Until {@link #load} has finished, {@link #isReady()} is false and callers scan.
 */
public final class TargetIndex implements SubscriberSource {

    private final SubscriberStore store;
    private final Map<String, Subscriber> byPhone = new ConcurrentHashMap<>();
    private final Map<Object, Object> shared = new ConcurrentHashMap<>();
    private volatile boolean ready;

    public TargetIndex(SubscriberStore store) {
        this.store = store;
    }

    /** Reads every subscriber (blocking); changes announced meanwhile are applied after. */
    public void load() {
        store.forEachTargetable(this::put);
        ready = true;
    }

    public boolean isReady() {
        return ready;
    }

    public int size() {
        return byPhone.size();
    }

    /** Re-reads one phone after a change (blocking). */
    public void refresh(String phone) {
        Subscriber s = store.find(phone);
        if (s == null) byPhone.remove(phone);
        else put(s);
    }

    @Override
    public void forEach(Consumer<Subscriber> visitor) {
        byPhone.values().forEach(visitor);
    }

    @SuppressWarnings("unchecked")
    private void put(Subscriber s) {
        String region = s.regionCode() == null ? null : (String) shared.computeIfAbsent(s.regionCode(), k -> k);
        List<String> crops = (List<String>) shared.computeIfAbsent(s.crops(), k -> k);
        List<String> topics = (List<String>) shared.computeIfAbsent(s.topics(), k -> k);
        Set<Channel> channels = (Set<Channel>) shared.computeIfAbsent(s.channels(), k -> k);
        byPhone.put(s.phone(), new Subscriber(s.phone(), null, s.lang(), region, crops, topics, channels, s.status(),
                null, null, null, null));
    }
}
