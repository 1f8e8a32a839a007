package org.sandian.channels.tv;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sandian.content.bus.RecordCodec;
import org.sandian.content.snapshot.ContentSnapshot;

/**
 * The TV items published on the bus, kept in memory on this node. After a restart the board shows
 * only items published since: the broadcast module re-publishes what is valid when it starts.
 */
public final class BusTvItems implements TvItems {

    private final Map<String, TvItem> items = new ConcurrentHashMap<>();

    private BusTvItems() {
    }

    /** Starts listening on {@link TvItems#ADDRESS}; completes once the consumer is registered. */
    public static Future<BusTvItems> listen(Vertx vertx) {
        RecordCodec.register(vertx.eventBus(), TvItem.class);
        BusTvItems source = new BusTvItems();
        MessageConsumer<TvItem> consumer = vertx.eventBus().consumer(ADDRESS, m -> source.accept(m.body()));
        return consumer.completion().map(v -> source);
    }

    void accept(TvItem item) {
        if (item == null || item.id() == null) return;
        Instant now = Instant.now();
        if (item.validUntil() != null && !item.validUntil().isAfter(now)) {
            items.remove(item.id());
        } else {
            items.put(item.id(), item);
        }
        items.values().removeIf(i -> i.validUntil() != null && !i.validUntil().isAfter(now));
    }

    @Override
    public List<TvItem> current(String regionCode, Instant now) {
        return items.values().stream()
                .filter(i -> i.isShownAt(now))
                .filter(i -> regionCode == null || ContentSnapshot.applies(i.regionScope(), regionCode))
                .sorted(Comparator.comparing((TvItem i) -> i.validFrom() == null ? Instant.EPOCH : i.validFrom())
                        .reversed().thenComparing(TvItem::id))
                .toList();
    }
}
