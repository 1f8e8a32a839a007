package org.sandian.content.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sandian.content.model.Lang;
import org.sandian.content.store.MongoStore;
import org.sandian.content.store.StoreOptions;
import org.sandian.content.testing.TestStore;

class MongoQueryLogTest {

    private static final Instant NOW = Instant.parse("2026-04-02T01:30:00Z");

    @Test
    void unansweredQueriesAreStoredWithMaskedSenderAndReadBackNewestFirst() {
        try (MongoStore store = TestStore.open()) {
            MongoQueryLog queryLog = new MongoQueryLog(store, Clock.fixed(NOW, ZoneOffset.UTC));
            Query unknown = new Query(Intent.PRICE, "火龙果 武汉", Lang.ZH, Channel.SMS, "+8613800138000",
                    "420100000000", 1);
            queryLog.record(unknown, new Answer.NotFound(Lang.ZH, Intent.PRICE, "火龙果", null, null));
            queryLog.record(Query.of(Intent.HELP, "", Lang.EN, Channel.WEB), new Answer.Help(Lang.EN));
            queryLog.record(Query.of(Intent.PRICE, "maize", Lang.EN, Channel.VOICE),
                    new Answer.Prices(Lang.EN, null, null, List.of()));
            queryLog.close();

            List<MongoQueryLog.Entry> open = queryLog.unanswered(NOW.minusSeconds(60), 10);
            assertEquals(2, open.size());
            MongoQueryLog.Entry sms = open.stream().filter(e -> e.channel() == Channel.SMS).findFirst().orElseThrow();
            assertEquals("+86138****8000", sms.sender());
            assertEquals("火龙果 武汉", sms.terms());
            assertEquals("not-found", sms.kind());
            assertEquals("420100000000", sms.region());
            assertEquals(NOW, sms.at());
            assertEquals(3, store.collection(MongoQueryLog.COLLECTION, MongoQueryLog.Entry.class).countDocuments());
            assertTrue(queryLog.unanswered(NOW.plusSeconds(1), 10).isEmpty());
        }
    }

    @Test
    void tenThousandQueriesRecordedInBatchesAreAllStored() {
        try (MongoStore store = TestStore.open()) {
            MongoQueryLog queryLog = new MongoQueryLog(store, Clock.systemUTC());
            Query q = Query.of(Intent.HELP, "", Lang.ZH, Channel.SMS);
            for (int i = 0; i < 10_000; i++) queryLog.record(q, new Answer.Help(Lang.ZH));
            queryLog.close();
            assertEquals(10_000, store.collection(MongoQueryLog.COLLECTION, MongoQueryLog.Entry.class).countDocuments());
        }
    }

    /**
     * Callers are event loops: recording must never wait for the store. Against a store that is
     * down (each batch waits 10 s for a server), 10,000 records return at once; had each waited,
     * this would take minutes and time out.
     */
    @Test
    void recordingNeverWaitsForAStoreThatIsDown() throws Exception {
        int nobodyListens;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            nobodyListens = s.getLocalPort();
        }
        MongoStore down = MongoStore.open(new StoreOptions("mongodb://127.0.0.1:" + nobodyListens, null, "down"));
        MongoQueryLog queryLog = new MongoQueryLog(down, Clock.systemUTC());
        Query q = Query.of(Intent.HELP, "", Lang.ZH, Channel.SMS);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 10_000; i++) queryLog.record(q, new Answer.Help(Lang.ZH));
        });
        // not closed: closing waits for the writer, which waits for the store
    }

    @Test
    void emptyPricesAndFailuresCountAsUnanswered() {
        assertFalse(MongoQueryLog.isAnswered(new Answer.Failed(Lang.ZH, Intent.PRICE, "unavailable")));
        assertFalse(MongoQueryLog.isAnswered(new Answer.Tips(Lang.ZH, null, null, List.of())));
        assertTrue(MongoQueryLog.isAnswered(new Answer.Help(Lang.ZH)));
        assertEquals("prices", MongoQueryLog.kindOf(new Answer.Prices(Lang.ZH, null, null, List.of())));
    }
}
