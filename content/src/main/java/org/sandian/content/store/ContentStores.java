package org.sandian.content.store;

import com.mongodb.client.MongoCollection;
import org.sandian.content.model.Commodity;
import org.sandian.content.model.Guidance;
import org.sandian.content.model.Market;
import org.sandian.content.model.Notice;
import org.sandian.content.model.Price;
import org.sandian.content.model.Region;

/** The content collections, one per kind of document, typed to our records. */
public final class ContentStores {

    public static final String COMMODITIES = "commodities";
    public static final String MARKETS = "markets";
    public static final String REGIONS = "regions";
    public static final String PRICES = "prices";
    public static final String NOTICES = "notices";
    public static final String GUIDANCE = "guidance";

    private final MongoStore store;

    public ContentStores(MongoStore store) {
        this.store = store;
    }

    public MongoStore store() {
        return store;
    }

    public MongoCollection<Commodity> commodities() {
        return store.collection(COMMODITIES, Commodity.class);
    }

    public MongoCollection<Market> markets() {
        return store.collection(MARKETS, Market.class);
    }

    public MongoCollection<Region> regions() {
        return store.collection(REGIONS, Region.class);
    }

    public MongoCollection<Price> prices() {
        return store.collection(PRICES, Price.class);
    }

    public MongoCollection<Notice> notices() {
        return store.collection(NOTICES, Notice.class);
    }

    public MongoCollection<Guidance> guidance() {
        return store.collection(GUIDANCE, Guidance.class);
    }

    /** Creates the content indexes if missing ({@link ContentIndexes}); harmless when they exist. */
    public void ensureIndexes() {
        Indexes.ensure(store, ContentIndexes.ALL);
    }

    /** True when no commodity is stored yet: the demo loads its data only then. */
    public boolean isEmpty() {
        return commodities().countDocuments() == 0;
    }
}
