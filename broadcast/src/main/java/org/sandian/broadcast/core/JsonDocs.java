package org.sandian.broadcast.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.bson.Document;
import org.sandian.content.bus.Json;

/**
 * Records to and from stored documents through the hub's JSON mapper, with {@code _id} set to
 * the record's id. Used for the small collections (broadcasts, occurrences) whose fields are
 * never queried by the store, only read whole by {@code _id} or scanned.
 */
public final class JsonDocs {

    private JsonDocs() {
    }

    public static Document toDoc(Object record, String id) {
        try {
            Document d = Document.parse(Json.MAPPER.writeValueAsString(record));
            d.put("_id", id);
            return d;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store " + record.getClass().getSimpleName(), e);
        }
    }

    public static <T> T fromDoc(Document d, Class<T> type) {
        try {
            return Json.MAPPER.readValue(d.toJson(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read " + type.getSimpleName() + " " + d.get("_id"), e);
        }
    }
}
