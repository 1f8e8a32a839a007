package org.sandian.content.snapshot;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;

import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
        return reload(null, null);
    }

    /**
     * A new snapshot that re-reads only {@code changed} (collections, e.g. "notices"), taking the
     * rest from {@code previous}: publishing a notice must not re-read every price. Null reads all.
     */
    public ContentSnapshot reload(ContentSnapshot previous, Set<String> changed) {
        boolean all = previous == null || changed == null;
        LocalDate since = LocalDate.now(clock).minusDays(PRICE_DAYS);
        return new ContentSnapshot(
                all || changed.contains(ContentStores.COMMODITIES) ? all(stores.commodities(), PUBLISHED) : previous.commodities(),
                all || changed.contains(ContentStores.MARKETS) ? all(stores.markets(), PUBLISHED) : previous.markets(),
                all || changed.contains(ContentStores.REGIONS) ? all(stores.regions(), null) : previous.regions(),
                all || changed.contains(ContentStores.PRICES)
                        ? all(stores.prices(), and(PUBLISHED, gte("date", since))) : previous.prices(),
                all || changed.contains(ContentStores.NOTICES) ? all(stores.notices(), PUBLISHED) : previous.notices(),
                all || changed.contains(ContentStores.GUIDANCE) ? all(stores.guidance(), PUBLISHED) : previous.guidance(),
                clock.instant());
    }

    private static <T> List<T> all(MongoCollection<T> collection, Bson filter) {
        List<T> out = new ArrayList<>();
        // A batch size keeps every reply far below the embedded store's 48 MB limit.
        (filter == null ? collection.find() : collection.find(filter)).batchSize(1000).into(out);
        return out;
    }
}
