package org.sandian.content.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.content.demo.DemoData;
import org.sandian.content.demo.DemoSnapshot;
import org.sandian.content.model.ContentMeta;
import org.sandian.content.model.LocalizedText;
import org.sandian.content.model.Notice;
import org.sandian.content.model.Price;
import org.sandian.content.store.ContentStores;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

/** A change to one collection re-reads that collection only, and the snapshot swaps in whole. */
class SnapshotHolderTest {

    static Vertx vertx;
    static MongoStore store;
    static ContentStores stores;
    static SnapshotHolder holder;

    @BeforeAll
    static void load() throws Exception {
        vertx = Vertx.vertx();
        store = TestStore.open();
        stores = new ContentStores(store);
        DemoData.load(DemoSnapshot.CLOCK, DemoSnapshot.ZONE).lastDays(2).loadInto(stores);
        holder = new SnapshotHolder(vertx, new SnapshotLoader(stores, DemoSnapshot.CLOCK));
        await(holder.reload());
    }

    @AfterAll
    static void close() {
        vertx.close();
        store.close();
    }

    static void await(io.vertx.core.Future<?> f) throws Exception {
        f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @Test
    void aChangedCollectionIsReReadAndTheOthersAreKept() throws Exception {
        int prices = holder.get().prices().size();
        int notices = holder.get().notices().size();
        Instant now = DemoSnapshot.CLOCK.instant();
        stores.notices().insertOne(new Notice("n-snapshot-test", LocalizedText.of("新通知", "New notice"),
                LocalizedText.of("正文", "Body"), LocalizedText.of("农业局", "Bureau"), List.of(),
                DemoSnapshot.TODAY, null, List.of(), ContentMeta.published("test", now)));
        // A price written without telling the holder: a notices reload must not pick it up.
        stores.prices().insertOne(new Price(Price.idOf("104", "wuhan-baishazhou", DemoSnapshot.TODAY.plusDays(1)),
                "104", "wuhan-baishazhou", DemoSnapshot.TODAY.plusDays(1), BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE, "元/公斤", "test", "test", ContentMeta.published("test", now)));

        await(holder.reload("notices"));
        assertEquals(notices + 1, holder.get().notices().size());
        assertEquals(prices, holder.get().prices().size(), "prices were not re-read");
        assertTrue(holder.get().notices().stream().anyMatch(n -> n.id().equals("n-snapshot-test")));

        await(holder.reload("prices"));
        assertEquals(prices + 1, holder.get().prices().size());
    }

    @Test
    void aChangeDuringAReloadIsNotLost() throws Exception {
        io.vertx.core.Future<ContentSnapshot> first = holder.reload();
        stores.notices().insertOne(new Notice("n-during-reload", LocalizedText.of("重载中", "During"),
                LocalizedText.of("正文", "Body"), LocalizedText.of("农业局", "Bureau"), List.of(),
                DemoSnapshot.TODAY, null, List.of(), ContentMeta.published("test", DemoSnapshot.CLOCK.instant())));
        holder.reload("notices");
        await(first); // completes after the gathered reload too
        assertTrue(!holder.isLoading());
        assertTrue(holder.get().notices().stream().anyMatch(n -> n.id().equals("n-during-reload")));
        assertTrue(holder.get().commodities().size() > 20, "still a whole snapshot");
    }
}
