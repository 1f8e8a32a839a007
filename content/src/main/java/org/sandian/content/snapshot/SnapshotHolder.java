package org.sandian.content.snapshot;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the current snapshot and swaps in a new one when published content changes. Reloads run
 * on a worker; a change that arrives during a reload triggers one more reload, not one per event.
 */
public final class SnapshotHolder implements Supplier<ContentSnapshot> {

    private static final Logger log = LoggerFactory.getLogger(SnapshotHolder.class);

    private final Vertx vertx;
    private final SnapshotLoader loader;
    private final AtomicBoolean loading = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile ContentSnapshot current = ContentSnapshot.empty();

    public SnapshotHolder(Vertx vertx, SnapshotLoader loader) {
        this.vertx = vertx;
        this.loader = loader;
    }

    @Override
    public ContentSnapshot get() {
        return current;
    }

    /** Loads now; the future completes once the new snapshot is in place. */
    public Future<ContentSnapshot> reload() {
        if (!loading.compareAndSet(false, true)) {
            again.set(true);
            return Future.succeededFuture(current);
        }
        return vertx.executeBlocking(loader::load, false)
                .onSuccess(s -> {
                    current = s;
                    log.info("content snapshot: {} commodities, {} markets, {} notices, {} guidance",
                            s.commodities().size(), s.markets().size(), s.notices().size(), s.guidance().size());
                })
                .onFailure(e -> log.error("content snapshot reload failed; keeping the previous one", e))
                .eventually(() -> {
                    loading.set(false);
                    return again.getAndSet(false) ? reload().mapEmpty() : Future.succeededFuture();
                });
    }
}
