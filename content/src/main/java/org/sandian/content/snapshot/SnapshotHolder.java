package org.sandian.content.snapshot;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the current snapshot and swaps in a new one when published content changes. Reloads run
 * on a worker and re-read only the collections that changed; changes that arrive during a reload
 * are gathered into one more reload, not one per event.
 */
public final class SnapshotHolder implements Supplier<ContentSnapshot> {

    private static final Logger log = LoggerFactory.getLogger(SnapshotHolder.class);

    private final Vertx vertx;
    private final SnapshotLoader loader;
    private volatile ContentSnapshot current = ContentSnapshot.empty();
    private boolean loading;
    /** Collections changed while loading; null means "everything". Guarded by {@code this}. */
    private Set<String> pending = new HashSet<>();
    private boolean pendingAll;

    public SnapshotHolder(Vertx vertx, SnapshotLoader loader) {
        this.vertx = vertx;
        this.loader = loader;
    }

    @Override
    public ContentSnapshot get() {
        return current;
    }

    /** True while a reload (or the one gathered behind it) runs. */
    public synchronized boolean isLoading() {
        return loading;
    }

    /** Loads everything; the future completes once the new snapshot is in place. */
    public Future<ContentSnapshot> reload() {
        return reload(null);
    }

    /** Re-reads {@code collection} (e.g. "notices"), or everything when it is null. */
    public Future<ContentSnapshot> reload(String collection) {
        synchronized (this) {
            if (loading) {
                if (collection == null) pendingAll = true; else pending.add(collection);
                return Future.succeededFuture(current);
            }
            loading = true;
        }
        boolean everything = collection == null || current.loadedAt().equals(java.time.Instant.EPOCH);
        Set<String> changed = everything ? null : Set.of(collection);
        return run(changed);
    }

    private Future<ContentSnapshot> run(Set<String> changed) {
        ContentSnapshot previous = current;
        return vertx.executeBlocking(() -> loader.reload(previous, changed), false)
                .onSuccess(s -> {
                    current = s;
                    log.info("content snapshot{}: {} commodities, {} markets, {} notices, {} guidance",
                            changed == null ? "" : " " + changed, s.commodities().size(), s.markets().size(),
                            s.notices().size(), s.guidance().size());
                })
                .onFailure(e -> log.error("content snapshot reload failed; keeping the previous one", e))
                .eventually(this::next);
    }

    /** Runs one more reload for whatever changed meanwhile, or stops. */
    private Future<Void> next() {
        Set<String> again;
        synchronized (this) {
            if (!pendingAll && pending.isEmpty()) {
                loading = false;
                return Future.succeededFuture();
            }
            again = pendingAll ? null : Set.copyOf(pending);
            pendingAll = false;
            pending = new HashSet<>();
        }
        return run(again).mapEmpty();
    }
}
