package org.sandian.content.store;

import java.util.List;

/**
 * The content collections' indexes. Every content document is keyed by {@code _id} (commodity
 * code, market id, region code, {@code commodity:market:date} for prices), so the snapshot and
 * the officers' console look documents up by key; the rest serve a real MongoDB's queries.
 */
public final class ContentIndexes {

    private ContentIndexes() {
    }

    public static final List<IndexSpec> ALL = List.of(
            // One price per commodity, market and day, whatever the id says.
            IndexSpec.unique(ContentStores.PRICES, "prices_commodity_market_date", "commodityCode", "marketId", "date"),
            IndexSpec.lookup(ContentStores.PRICES, "prices_status_date", "meta.status", "date"),
            IndexSpec.lookup(ContentStores.MARKETS, "markets_region", "regionCode"),
            IndexSpec.lookup(ContentStores.REGIONS, "regions_parent", "parentCode"),
            IndexSpec.lookup(ContentStores.NOTICES, "notices_status", "meta.status"),
            IndexSpec.lookup(ContentStores.GUIDANCE, "guidance_commodity", "commodityCode"));
}
