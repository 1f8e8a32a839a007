package org.sandian.content.store;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoDatabase;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the indexes each module declares, idempotently, at start: an index that already exists
 * with the same name and fields is left as it is. An index that exists under the same name with
 * other fields or options is a migration nobody made: start fails naming it, rather than run
 * with the wrong index. Blocking: call on a worker or before Vert.x starts.
 */
public final class Indexes {

    private static final Logger log = LoggerFactory.getLogger(Indexes.class);

    /** MongoDB's codes for "an index with this name or these keys exists with other options". */
    private static final int INDEX_OPTIONS_CONFLICT = 85;
    private static final int INDEX_KEY_SPECS_CONFLICT = 86;

    private Indexes() {
    }

    public static void ensure(MongoStore store, List<IndexSpec> specs) {
        ensure(store.database(), specs);
    }

    public static void ensure(MongoDatabase database, List<IndexSpec> specs) {
        for (IndexSpec spec : specs) {
            checkSameAsExisting(database, spec);
            try {
                database.getCollection(spec.collection(), Document.class).createIndex(spec.keys(), spec.options());
            } catch (MongoCommandException e) {
                if (e.getErrorCode() == INDEX_OPTIONS_CONFLICT || e.getErrorCode() == INDEX_KEY_SPECS_CONFLICT) {
                    throw conflict(spec, e);
                }
                throw e;
            }
        }
        log.info("indexes ensured: {}", specs.size());
    }

    /** The embedded store accepts a same-named index with other keys silently: check ourselves. */
    private static void checkSameAsExisting(MongoDatabase database, IndexSpec spec) {
        for (Document existing : database.getCollection(spec.collection()).listIndexes()) {
            if (!spec.name().equals(existing.getString("name"))) continue;
            Document keys = existing.get("key", Document.class);
            boolean unique = Boolean.TRUE.equals(existing.get("unique"));
            if (!List.copyOf(keys.keySet()).equals(spec.fields()) || unique != spec.unique()) {
                throw conflict(spec, null);
            }
        }
    }

    private static IllegalStateException conflict(IndexSpec spec, Exception cause) {
        return new IllegalStateException("index " + spec.name() + " on " + spec.collection()
                + " exists with other fields or options; drop it to have it recreated as "
                + spec.keys().toJson() + (spec.unique() ? " unique" : ""), cause);
    }
}
