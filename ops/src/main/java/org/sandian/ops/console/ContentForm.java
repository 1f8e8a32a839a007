package org.sandian.ops.console;

import io.vertx.core.MultiMap;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sandian.content.editing.ContentKind;
import org.sandian.content.model.Guidance;
import org.sandian.content.model.LocalizedText;
import org.sandian.content.model.Notice;
import org.sandian.content.model.RegionCode;

/**
 * The notice and guidance forms: reads the posted fields into a record, or collects every problem
 * (by field) so the page can show them next to the officer's own input.
 */
final class ContentForm {

    static final List<String> SEASONS = List.of("spring", "summer", "autumn", "winter", "all");

    final Map<String, String> values = new LinkedHashMap<>();
    final Map<String, String> errors = new LinkedHashMap<>();

    static ContentForm from(MultiMap form) {
        ContentForm f = new ContentForm();
        form.names().forEach(n -> f.values.put(n, form.get(n) == null ? "" : form.get(n).trim()));
        return f;
    }

    Record toRecord(ContentKind kind) {
        String id = required("id");
        if (!id.isEmpty() && !id.matches("[a-z0-9][a-z0-9-]{1,60}")) {
            errors.put("id", "id: lower-case letters, digits and '-', 2 to 61 characters");
        }
        List<String> scope = regions("regionScope");
        return switch (kind) {
            case NOTICE -> new Notice(id, text("title"), text("body"), text("department"), scope,
                    date("effective", true), date("expiry", false), List.of(), null);
            case GUIDANCE -> {
                String season = values.getOrDefault("season", "");
                if (!SEASONS.contains(season)) errors.put("season", "season: one of " + SEASONS);
                yield new Guidance(id, required("commodityCode"), text("topic"), season, scope, text("text"),
                        text("smsText"), null);
            }
            case PRICE -> throw new IllegalArgumentException("prices are imported, not typed in this form");
        };
    }

    boolean ok() {
        return errors.isEmpty();
    }

    private String required(String field) {
        String v = values.getOrDefault(field, "");
        if (v.isEmpty()) errors.put(field, field + ": required");
        return v;
    }

    /** Both languages: Chinese is required, English may follow later. */
    private LocalizedText text(String field) {
        String zh = values.getOrDefault(field + "Zh", "");
        String en = values.getOrDefault(field + "En", "");
        if (zh.isEmpty()) errors.put(field + "Zh", field + " (中文): required");
        return new LocalizedText(zh, en.isEmpty() ? null : en);
    }

    private LocalDate date(String field, boolean required) {
        String v = values.getOrDefault(field, "");
        if (v.isEmpty()) {
            if (required) errors.put(field, field + ": required (YYYY-MM-DD)");
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.put(field, field + ": a date like 2026-11-22");
            return null;
        }
    }

    private List<String> regions(String field) {
        String v = values.getOrDefault(field, "");
        List<String> out = new ArrayList<>();
        for (String code : Arrays.stream(v.split("[,，\\s]+")).filter(s -> !s.isEmpty()).toList()) {
            if (!RegionCode.isValid(code)) {
                errors.put(field, "regions: 12-digit region codes separated by commas, not '" + code + "'");
            }
            out.add(code);
        }
        return out;
    }
}
