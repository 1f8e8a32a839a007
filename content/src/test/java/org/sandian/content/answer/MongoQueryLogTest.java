package org.sandian.content.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sandian.content.model.Lang;
import org.sandian.content.store.MongoStore;
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
    void recordingTenThousandQueriesDoesNotWaitForTheStore() {
        try (MongoStore store = TestStore.open()) {
            MongoQueryLog queryLog = new MongoQueryLog(store, Clock.systemUTC());
            Query q = Query.of(Intent.HELP, "", Lang.ZH, Channel.SMS);
            long start = System.nanoTime();
            for (int i = 0; i < 10_000; i++) queryLog.record(q, new Answer.Help(Lang.ZH));
            long micros = (System.nanoTime() - start) / 1_000;
            // The store takes about a second for these; the caller must be far quicker.
            assertTrue(micros < 500_000, "recording took " + micros + " µs");
            queryLog.close();
            assertEquals(10_000, store.collection(MongoQueryLog.COLLECTION, MongoQueryLog.Entry.class).countDocuments());
        }
    }

    @Test
    void emptyPricesAndFailuresCountAsUnanswered() {
        assertFalse(MongoQueryLog.isAnswered(new Answer.Failed(Lang.ZH, Intent.PRICE, "unavailable")));
        assertFalse(MongoQueryLog.isAnswered(new Answer.Tips(Lang.ZH, null, null, List.of())));
        assertTrue(MongoQueryLog.isAnswered(new Answer.Help(Lang.ZH)));
        assertEquals("prices", MongoQueryLog.kindOf(new Answer.Prices(Lang.ZH, null, null, List.of())));
    }
}
