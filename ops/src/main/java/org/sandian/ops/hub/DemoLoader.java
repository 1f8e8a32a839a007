package org.sandian.ops.hub;

import java.time.Clock;
import java.time.ZoneId;
import org.sandian.content.store.ContentStores;

/** Fills an empty store with the demo data shipped in content. */
final class DemoLoader {

    private DemoLoader() {
    }

    static void load(ContentStores content, Clock clock, ZoneId zone) {
        throw new UnsupportedOperationException("demo data not yet available");
    }
}
