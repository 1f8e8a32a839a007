package org.sandian.ops.console;

import io.vertx.core.json.JsonObject;
import org.sandian.content.model.Guidance;
import org.sandian.content.model.LocalizedText;
import org.sandian.content.model.Notice;

/** A stored record as the values of its edit form (the inverse of {@link ContentForm}). */
final class FormValues {

    private FormValues() {
    }

    static JsonObject of(Record r) {
        JsonObject v = new JsonObject();
        if (r instanceof Notice n) {
            v.put("id", n.id()).put("regionScope", String.join(",", n.regionScope()))
                    .put("effective", n.effective() == null ? "" : n.effective().toString())
                    .put("expiry", n.expiry() == null ? "" : n.expiry().toString());
            text(v, "title", n.title());
            text(v, "body", n.body());
            text(v, "department", n.department());
        } else if (r instanceof Guidance g) {
            v.put("id", g.id()).put("commodityCode", g.commodityCode()).put("season", g.season())
                    .put("regionScope", String.join(",", g.regionScope()));
            text(v, "topic", g.topic());
            text(v, "text", g.text());
            text(v, "smsText", g.smsText());
        }
        return v;
    }

    private static void text(JsonObject v, String field, LocalizedText t) {
        v.put(field + "Zh", t == null || t.zh() == null ? "" : t.zh());
        v.put(field + "En", t == null || t.en() == null ? "" : t.en());
    }
}
