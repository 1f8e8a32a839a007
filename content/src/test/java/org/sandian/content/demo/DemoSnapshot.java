package org.sandian.content.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.sandian.content.answer.AnswerEngine;
import org.sandian.content.snapshot.ContentSnapshot;
import org.sandian.content.snapshot.SnapshotLoader;
import org.sandian.content.store.ContentStores;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

/**
 * The demo content as the hub serves it: loaded into a real store, read back by the
 * {@link SnapshotLoader}. Built once per test JVM (the store round trip takes seconds) on a fixed
 * day, so seasons and notice dates do not depend on when the tests run. Other modules' tests may
 * use it from content's test-jar.
 */
public final class DemoSnapshot {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** 2026-11-22 08:00 in Shanghai: autumn, by the guidance seasons. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZONE);
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static DemoData data;
    private static ContentStores stores;
    private static ContentSnapshot snapshot;

    private DemoSnapshot() {
    }

    /** The demo data as loaded into the store, on {@link #TODAY}. */
    public static synchronized DemoData data() {
        if (data == null) data = DemoData.load(CLOCK, ZONE);
        return data;
    }

    /**
     * A store holding the demo data, open until the JVM ends and shared by every test that asks:
     * read it, never change it.
     */
    public static synchronized ContentStores stores() {
        if (stores == null) {
            MongoStore store = TestStore.open();
            Runtime.getRuntime().addShutdownHook(new Thread(store::close, "demo-store-close"));
            ContentStores loaded = new ContentStores(store);
            data().loadInto(loaded);
            stores = loaded;
        }
        return stores;
    }

    /** The snapshot read back from {@link #stores()}. */
    public static synchronized ContentSnapshot get() {
        if (snapshot == null) snapshot = new SnapshotLoader(stores(), CLOCK).load();
        return snapshot;
    }

    /** An engine over the demo snapshot on {@link #TODAY}. */
    public static AnswerEngine engine() {
        ContentSnapshot s = get();
        return new AnswerEngine(() -> s, CLOCK, ZONE);
    }

    /** An engine over the demo snapshot on another day (for dates and seasons). */
    public static AnswerEngine engineOn(LocalDate day) {
        ContentSnapshot s = get();
        return new AnswerEngine(() -> s, Clock.fixed(day.atStartOfDay(ZONE).plusHours(8).toInstant(), ZONE), ZONE);
    }
}
