package org.sandian.ops.console;

import com.fasterxml.jackson.core.type.TypeReference;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.Map;
import org.sandian.content.bus.Json;

/** Turns records into template models (plain maps and lists; Freemarker escapes them on output). */
final class Models {

    private Models() {
    }

    static JsonObject of(Object record) {
        return new JsonObject(Json.MAPPER.convertValue(record, new TypeReference<Map<String, Object>>() { }));
    }

    static JsonArray list(Collection<?> records) {
        JsonArray out = new JsonArray();
        records.forEach(r -> out.add(of(r)));
        return out;
    }
}
