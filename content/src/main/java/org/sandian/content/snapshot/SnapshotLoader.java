package org.sandian.content.snapshot;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;

import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;
import org.sandian.content.model.Status;
import org.sandian.content.store.ContentStores;

/** Reads everything published from the store into a new snapshot. Blocking: run on a worker. */
public final class SnapshotLoader {

    /** Price history kept in memory: enough for a 30-day trend and the last report of a slow market. */
    public static final int PRICE_DAYS = 90;
    private static final Bson PUBLISHED = eq("meta.status", Status.PUBLISHED.name());

    private final ContentStores stores;
    private final Clock clock;

    public SnapshotLoader(ContentStores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    public ContentSnapshot load() {
        LocalDate since = LocalDate.now(clock).minusDays(PRICE_DAYS);
        return new ContentSnapshot(
                all(stores.commodities(), PUBLISHED),
                all(stores.markets(), PUBLISHED),
                all(stores.regions(), null),
                all(stores.prices(), and(PUBLISHED, gte("date", since))),
                all(stores.notices(), PUBLISHED),
                all(stores.guidance(), PUBLISHED),
                clock.instant());
    }

    private static <T> List<T> all(MongoCollection<T> collection, Bson filter) {
        List<T> out = new ArrayList<>();
        // A batch size keeps every reply far below the embedded store's 48 MB limit.
        (filter == null ? collection.find() : collection.find(filter)).batchSize(1000).into(out);
        return out;
    }
}
