package org.sandian.content.store;

import com.mongodb.client.model.IndexOptions;
import java.util.List;
import java.util.Objects;
import org.bson.Document;

/**
 * One index a module needs: collection, fields in order (ascending), uniqueness and a fixed name.
 * The fixed name is what makes creating it again at every start harmless.
 *
 * <p>On the embedded store only {@code _id} and unique indexes are real (non-unique ones are
 * accepted and ignored): design hot paths around {@link #unique}; {@link #lookup} indexes help
 * only on a real MongoDB.
 */
public record IndexSpec(String collection, String name, List<String> fields, boolean unique) {

    public IndexSpec {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(fields);
        if (fields.isEmpty()) throw new IllegalArgumentException("index " + name + " has no fields");
    }

    /** A unique index: enforced on the embedded store and on MongoDB. */
    public static IndexSpec unique(String collection, String name, String... fields) {
        return new IndexSpec(collection, name, List.of(fields), true);
    }

    /** A plain index for queries: only a real MongoDB uses it. */
    public static IndexSpec lookup(String collection, String name, String... fields) {
        return new IndexSpec(collection, name, List.of(fields), false);
    }

    Document keys() {
        Document keys = new Document();
        for (String field : fields) keys.append(field, 1);
        return keys;
    }

    IndexOptions options() {
        return new IndexOptions().name(name).unique(unique);
    }
}
