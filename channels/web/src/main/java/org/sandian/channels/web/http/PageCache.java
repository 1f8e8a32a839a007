package org.sandian.channels.web.http;

import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Rendered pages of one content generation (a snapshot on a given day). A new snapshot or a new day
 * empties it, so a page is never older than the content it shows. Requests that miss together
 * share one rendering; a failed rendering is not kept.
 */
public final class PageCache {

    private static final int MAX_PAGES = 4_000;

    private final Map<String, Future<Page>> pages = new ConcurrentHashMap<>();
    private volatile Object generation;

    /** The page under {@code key}, rendering it with {@code render} when this generation has none. */
    public Future<Page> get(Object currentGeneration, String key, Supplier<Future<Page>> render) {
        if (!currentGeneration.equals(generation)) {
            pages.clear();
            generation = currentGeneration;
        }
        Future<Page> page = pages.get(key);
        if (page != null) return page;
        if (pages.size() >= MAX_PAGES) pages.clear(); // crawlers walking every page: start over
        AtomicReference<Future<Page>> mine = new AtomicReference<>();
        page = pages.computeIfAbsent(key, k -> {
            mine.set(render.get());
            return mine.get();
        });
        if (page == mine.get()) page.onFailure(e -> pages.remove(key, mine.get()));
        return page;
    }
}
