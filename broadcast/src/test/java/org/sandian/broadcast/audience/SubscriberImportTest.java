package org.sandian.broadcast.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sandian.broadcast.subscriber.SubscriberStatus;
import org.sandian.broadcast.subscriber.SubscriberStore;
import org.sandian.content.answer.Channel;
import org.sandian.content.model.Lang;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

class SubscriberImportTest {

    private MongoStore mongo;
    private SubscriberStore store;
    private SubscriberImport importer;

    @BeforeEach
    void open() {
        mongo = TestStore.open();
        store = new SubscriberStore(mongo);
        importer = new SubscriberImport(store, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void goodFileIsImportedWithNormalizedNumbersAndLists() {
        String csv = "\uFEFFphone,name,lang,region,crops,topics,channels\n"
                + "138 0013 8000,王伟,zh,429005100201,rapeseed;rice,price:rapeseed;notices,SMS;VOICE\n"
                + "\"+86 139-0000-0001\",\"Li, Na\",en,429005100201,,,\n";
        ImportReport r = importer.run(csv, "officer1", List.of("429005000000"));
        assertTrue(r.ok(), r.errors().toString());
        assertEquals(2, r.created());
        var wang = store.find("+8613800138000");
        assertEquals("王伟", wang.name());
        assertEquals(List.of("rapeseed", "rice"), wang.crops());
        assertEquals(List.of("price:rapeseed", "notices"), wang.topics());
        assertEquals(Set.of(Channel.SMS, Channel.VOICE), wang.channels());
        assertEquals("import:officer1", wang.source());
        var li = store.find("+8613900000001");
        assertEquals("Li, Na", li.name());
        assertEquals(Lang.EN, li.lang());
        assertEquals(Set.of(Channel.SMS), li.channels());
    }

    @Test
    void oneBadRowImportsNothingAndEveryErrorIsListedWithItsLine() {
        String csv = "phone,region,lang\n"
                + "13800138000,429005100201,zh\n"
                + "12345,429005100201,zh\n"
                + "13800138001,4290,fr\n"
                + "13800138000,429005100201,zh\n";
        ImportReport r = importer.run(csv, "officer1", List.of());
        assertEquals(4, r.errors().size(), r.errors().toString());
        assertEquals(3, r.errors().get(0).line());
        assertEquals("phone", r.errors().get(0).field());
        assertEquals("same number as line 2", r.errors().get(3).message());
        assertEquals(0, store.count());
        assertNull(store.find("+8613800138000"));
    }

    @Test
    void rowsOutsideTheOfficersAreaAreRejected() {
        ImportReport r = importer.run("phone,region\n13800138000,430102001001\n", "officer1", List.of("429005000000"));
        assertEquals("region", r.errors().get(0).field());
        assertEquals(0, store.count());
    }

    @Test
    void importNeverReactivatesANumberThatSentTd() {
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        store.save(new org.sandian.broadcast.subscriber.Subscriber("+8613800138000", null, Lang.ZH, "429005100201",
                List.of(), List.of(), Set.of(Channel.SMS), SubscriberStatus.STOPPED, "sms", t, t, t));
        ImportReport r = importer.run("phone,region\n13800138000,429005100201\n13800138001,429005100201\n", "o", List.of());
        assertEquals(1, r.created());
        assertEquals(1, r.updated());
        assertEquals(1, r.keptStopped());
        assertEquals(SubscriberStatus.STOPPED, store.find("+8613800138000").status());
    }

    @Test
    void missingRequiredColumnIsReported() {
        ImportReport r = importer.run("phone,name\n13800138000,x\n", "o", List.of());
        assertEquals("missing column region", r.errors().get(0).message());
    }
}
