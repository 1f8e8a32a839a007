package org.sandian.content.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sandian.content.model.Commodity;
import org.sandian.content.model.Notice;
import org.sandian.content.model.Price;
import org.sandian.content.snapshot.ContentSnapshot;
import org.sandian.content.snapshot.SnapshotLoader;
import org.sandian.content.store.ContentStores;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

/** The demo data goes into the real store over the wire and comes back whole. */
class DemoStoreRoundTripTest {

    // The shared demo store: loading 14,000 documents takes seconds, so it is done once per JVM.
    final ContentStores stores = DemoSnapshot.stores();
    final DemoData demo = DemoSnapshot.data();

    @Test
    void aFreshStoreIsEmptyUntilTheDemoIsLoaded() {
        try (MongoStore store = TestStore.open()) {
            ContentStores fresh = new ContentStores(store);
            assertTrue(fresh.isEmpty());
            fresh.commodities().insertMany(demo.commodities());
            assertFalse(fresh.isEmpty());
        }
    }

    @Test
    void everyDocumentIsStoredOnce() {
        assertFalse(stores.isEmpty());
        assertEquals(demo.commodities().size(), stores.commodities().countDocuments());
        assertEquals(demo.regions().size(), stores.regions().countDocuments());
        assertEquals(demo.markets().size(), stores.markets().countDocuments());
        assertEquals(demo.prices().size(), stores.prices().countDocuments());
        assertEquals(demo.notices().size(), stores.notices().countDocuments());
        assertEquals(demo.guidance().size(), stores.guidance().countDocuments());
    }

    @Test
    void aLoadCutShortIsCompletedNotDoubledByTheNextOne() {
        // A smaller demo (fewer prices) keeps this quick; the path is the same.
        DemoData small = new DemoData(demo.commodities(), demo.regions(), demo.markets(),
                demo.prices().subList(0, 300), demo.notices(), demo.guidance());
        try (MongoStore store = TestStore.open()) {
            ContentStores cut = new ContentStores(store);
            cut.regions().insertMany(small.regions());
            cut.prices().insertMany(small.prices().subList(0, 100));
            small.loadInto(cut);
            assertEquals(small.regions().size(), cut.regions().countDocuments());
            assertEquals(small.prices().size(), cut.prices().countDocuments());
            assertEquals(small.commodities().size(), cut.commodities().countDocuments());
            small.loadInto(cut);
            assertEquals(small.size(), cut.regions().countDocuments() + cut.prices().countDocuments()
                    + cut.commodities().countDocuments() + cut.markets().countDocuments()
                    + cut.notices().countDocuments() + cut.guidance().countDocuments());
        }
    }

    @Test
    void recordsComeBackEqualToWhatWasWritten() {
        Commodity maize = stores.commodities().find(Filters.eq("_id", "104")).first();
        assertEquals(demo.commodities().stream().filter(c -> c.code().equals("104")).findFirst().orElseThrow(), maize);
        Price last = demo.prices().get(demo.prices().size() - 1);
        assertEquals(last, stores.prices().find(Filters.eq("_id", last.id())).first());
        Notice withAttachments = demo.notices().stream().filter(n -> n.attachments().size() == 2).findFirst().orElseThrow();
        assertEquals(withAttachments, stores.notices().find(Filters.eq("_id", withAttachments.id())).first());
        assertEquals(demo.guidance().get(0), stores.guidance().find(Filters.eq("_id", demo.guidance().get(0).id())).first());
        assertEquals(demo.regions().get(0), stores.regions().find(Filters.eq("_id", demo.regions().get(0).code())).first());
    }

    @Test
    void theSnapshotLoaderReadsItAllBack() {
        ContentSnapshot s = new SnapshotLoader(stores, DemoSnapshot.CLOCK).load();
        assertEquals(demo.commodities().size(), s.commodities().size());
        assertEquals(demo.markets().size(), s.markets().size());
        assertEquals(demo.regions().size(), s.regions().size());
        assertEquals(demo.notices().size(), s.notices().size());
        assertEquals(demo.guidance().size(), s.guidance().size());
        List<Price> history = s.history("104", "wuhan-baishazhou");
        assertEquals(DemoPrices.DAYS, history.size());
        assertEquals(DemoSnapshot.TODAY, history.get(history.size() - 1).date());
    }
}
