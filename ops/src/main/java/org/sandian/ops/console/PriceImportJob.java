package org.sandian.ops.console;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** One uploaded price file: previewed, then imported in the background while its page shows progress. */
final class PriceImportJob {

    enum State { PREVIEW, RUNNING, DONE }

    final String id;
    final String owner;
    final Instant created;
    final List<PriceRow> rows;
    final AtomicInteger done = new AtomicInteger();
    volatile State state = State.PREVIEW;

    PriceImportJob(String id, String owner, Instant created, List<PriceRow> rows) {
        this.id = id;
        this.owner = owner;
        this.created = created;
        this.rows = new CopyOnWriteArrayList<>(rows);
    }

    long valid() {
        return rows.stream().filter(PriceRow::valid).count();
    }

    int percent() {
        long v = valid();
        return v == 0 ? 100 : (int) (100 * done.get() / v);
    }
}
