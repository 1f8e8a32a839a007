package org.sandian.broadcast.outbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sandian.content.answer.Channel;
import org.sandian.content.model.Lang;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

class ChunkStoreTest {

    private MongoStore mongo;
    private ChunkStore store;

    @BeforeEach
    void open() {
        mongo = TestStore.open();
        store = new ChunkStore(mongo);
        store.write(List.of(new Chunk("b.1:S:0", "b.1", Channel.SMS, 0, List.of("+8613800000001", "+8613800000002", "+8613800000003"),
                Arrays.asList(Lang.ZH, Lang.EN, null), Arrays.asList("429005100201", null, "420000000000"), new int[3], 0)));
    }

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void entryStatesNeverGoBackwards() {
        store.apply("b.1:S:0", Map.of(0, EntryState.DELIVERED.code, 1, EntryState.SUBMITTED.code), Map.of(), 2);
        store.apply("b.1:S:0", Map.of(0, EntryState.SUBMITTED.code, 2, EntryState.FAILED.code), Map.of(2, "rejected"), 1);
        Chunk c = store.load("b.1:S:0");
        assertArrayEquals(new int[]{EntryState.DELIVERED.code, EntryState.SUBMITTED.code, EntryState.FAILED.code}, c.states());
        assertEquals(2, c.next());
        assertEquals("rejected", store.errors("b.1:S:0").get("2"));
        assertEquals(Arrays.asList(Lang.ZH, Lang.EN, null), c.langs());
        assertEquals("b.1:S:0:1:+8613800000002", c.key(1).toString());
    }

    @Test
    void aLiveLeaseIsExclusiveAndADeadOneIsTakenOverOnce() {
        ChunkStore.Claim a = store.claim("b.1:S:0", "a", 1_000, 2_000);
        assertNotNull(a);
        assertNull(store.claim("b.1:S:0", "b", 1_500, 2_500), "held until 2,000");
        ChunkStore.Claim b = store.claim("b.1:S:0", "b", 2_001, 3_000);
        assertNotNull(b, "a died: b takes over");
        assertNull(store.claim("b.1:S:0", "c", 2_001, 3_000));
        assertFalse(store.renew(a, 4_000), "a has lost the chunk");
        assertTrue(store.renew(b, 4_000));
        assertTrue(store.finish(b));
        assertFalse(store.finish(b), "finished once");
        assertNull(store.claim("b.1:S:0", "c", 9_000, 10_000), "a done chunk is never claimed again");
    }

    @Test
    void aStaleOwnersRenewFinishAndReleaseChangeNothingAfterATakeOver() {
        ChunkStore.Claim a = store.claim("b.1:S:0", "a", 1_000, 2_000);
        ChunkStore.Claim b = store.claim("b.1:S:0", "b", 2_001, 3_000);
        assertNotNull(b);
        assertFalse(store.finish(a), "a no longer holds the chunk: it cannot finish it");
        assertFalse(store.isDone("b.1:S:0"));
        store.release(a);
        assertNull(store.claim("b.1:S:0", "c", 2_500, 3_500), "b's lease still holds after a's release");
        assertTrue(store.finish(b));
    }

    @Test
    void entryKeyRoundTrips() {
        EntryKey k = new EntryKey("abc.3", Channel.VOICE, 12, 345, "+8613800138000");
        assertEquals(k, EntryKey.parse(k.toString()));
        assertNull(EntryKey.parse("mt-node-17"));
        assertEquals("abc", EntryKey.broadcastOf("abc.3"));
    }
}
