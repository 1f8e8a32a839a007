package org.sandian.broadcast.audience;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sandian.broadcast.subscriber.InvalidPhoneNumberException;
import org.sandian.broadcast.subscriber.PhoneNumbers;
import org.sandian.broadcast.subscriber.Subscriber;
import org.sandian.broadcast.subscriber.SubscriberStatus;
import org.sandian.broadcast.subscriber.SubscriberStore;
import org.sandian.broadcast.subscriber.Topics;
import org.sandian.content.answer.Channel;
import org.sandian.content.model.Lang;
import org.sandian.content.model.RegionCode;

/**
 * An officer's CSV of subscribers: {@code phone,name,lang,region,crops,topics,channels} (header
 * required, columns in any order; lists separated by ';'). Every row is validated first; if any
 * row is wrong nothing is written and every error is reported, else rows are written in batches.
 * A number that sent TD stays stopped: an import never overrides a farmer's own stop.
 * Blocking: call on a worker.
 */
public final class SubscriberImport {

    private static final List<String> REQUIRED = List.of("phone", "region");
    private static final int BATCH = 1_000;

    private final SubscriberStore store;
    private final Clock clock;

    public SubscriberImport(SubscriberStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * @param csv     the file's text
     * @param officer who imports, stored as source "import:&lt;officer&gt;"
     * @param scope   regions the officer may import into (empty = anywhere)
     */
    public ImportReport run(String csv, String officer, List<String> scope) {
        Instant now = clock.instant();
        List<List<String>> rows = CsvLines.parse(csv);
        List<ImportReport.RowError> errors = new ArrayList<>();
        if (rows.isEmpty()) return new ImportReport(0, 0, 0, 0, List.of(new ImportReport.RowError(1, "", "empty file")));
        Map<String, Integer> columns = header(rows.get(0), errors);
        if (!errors.isEmpty()) return new ImportReport(rows.size() - 1, 0, 0, 0, errors);
        List<Subscriber> valid = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            Subscriber s = row(rows.get(i), columns, i + 1, officer, scope, now, errors);
            if (s == null) continue;
            Integer first = seen.putIfAbsent(s.phone(), i + 1);
            if (first != null) errors.add(new ImportReport.RowError(i + 1, "phone", "same number as line " + first));
            else valid.add(s);
        }
        // A number already registered in another area is not ours to overwrite: the whole import is refused.
        Map<String, Subscriber> existing = new HashMap<>();
        for (Subscriber s : valid) {
            Subscriber old = store.find(s.phone());
            if (old == null) continue;
            existing.put(s.phone(), old);
            if (old.regionCode() != null && !scope.isEmpty() && scope.stream().noneMatch(a -> RegionCode.isWithin(old.regionCode(), a))) {
                errors.add(new ImportReport.RowError(seen.get(s.phone()), "phone", "number registered outside your area"));
            }
        }
        if (!errors.isEmpty()) return new ImportReport(rows.size() - 1, 0, 0, 0, errors);
        int created = 0;
        int updated = 0;
        int keptStopped = 0;
        for (int from = 0; from < valid.size(); from += BATCH) {
            List<Subscriber> batch = new ArrayList<>(valid.subList(from, Math.min(valid.size(), from + BATCH)));
            for (int k = 0; k < batch.size(); k++) {
                Subscriber old = existing.get(batch.get(k).phone());
                if (old == null) {
                    created++;
                    continue;
                }
                updated++;
                if (old.isStopped()) keptStopped++;
                batch.set(k, merge(old, batch.get(k)));
            }
            store.saveAll(batch);
        }
        return new ImportReport(rows.size() - 1, created, updated, keptStopped, List.of());
    }

    private static Subscriber merge(Subscriber old, Subscriber s) {
        return new Subscriber(s.phone(), s.name() != null ? s.name() : old.name(), s.lang(), s.regionCode(), s.crops(),
                s.topics(), s.channels(), old.status(), old.source(), s.consentAt(), old.createdAt(), s.updatedAt());
    }

    private static Map<String, Integer> header(List<String> cells, List<ImportReport.RowError> errors) {
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < cells.size(); c++) columns.put(cells.get(c).trim().toLowerCase(Locale.ROOT), c);
        for (String r : REQUIRED) {
            if (!columns.containsKey(r)) errors.add(new ImportReport.RowError(1, r, "missing column " + r));
        }
        return columns;
    }

    private static Subscriber row(List<String> cells, Map<String, Integer> columns, int line, String officer,
                                  List<String> scope, Instant now, List<ImportReport.RowError> errors) {
        int before = errors.size();
        String phone = null;
        try {
            phone = PhoneNumbers.normalize(cell(cells, columns, "phone"));
        } catch (InvalidPhoneNumberException e) {
            errors.add(new ImportReport.RowError(line, "phone", e.getMessage()));
        }
        String region = cell(cells, columns, "region");
        if (!RegionCode.isValid(region)) {
            errors.add(new ImportReport.RowError(line, "region", "not a 12-digit region code: \"" + region + "\""));
        } else if (!scope.isEmpty() && scope.stream().noneMatch(s -> RegionCode.isWithin(region, s))) {
            errors.add(new ImportReport.RowError(line, "region", "outside your area: " + region));
        }
        String langText = cell(cells, columns, "lang");
        Lang lang = langText.isEmpty() ? Lang.ZH : Lang.parse(langText, null);
        if (lang == null) errors.add(new ImportReport.RowError(line, "lang", "unknown language \"" + langText + "\" (zh, en)"));
        List<String> topics = new ArrayList<>();
        for (String t : list(cell(cells, columns, "topics"))) {
            try {
                topics.add(Topics.parse(t));
            } catch (IllegalArgumentException e) {
                errors.add(new ImportReport.RowError(line, "topics", e.getMessage()));
            }
        }
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        List<String> channelNames = list(cell(cells, columns, "channels"));
        for (String c : channelNames.isEmpty() ? List.of("SMS") : channelNames) {
            String n = c.toUpperCase(Locale.ROOT);
            if (n.equals("SMS") || n.equals("短信")) channels.add(Channel.SMS);
            else if (n.equals("VOICE") || n.equals("语音")) channels.add(Channel.VOICE);
            else errors.add(new ImportReport.RowError(line, "channels", "unknown channel \"" + c + "\" (SMS, VOICE)"));
        }
        if (errors.size() > before) return null;
        List<String> crops = list(cell(cells, columns, "crops")).stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        String name = cell(cells, columns, "name");
        return new Subscriber(phone, name.isEmpty() ? null : name, lang, region, crops,
                List.copyOf(new LinkedHashSet<>(topics)), channels, SubscriberStatus.ACTIVE, "import:" + officer, now,
                now, now);
    }

    private static String cell(List<String> cells, Map<String, Integer> columns, String name) {
        Integer c = columns.get(name);
        return c == null || c >= cells.size() ? "" : cells.get(c).trim();
    }

    private static List<String> list(String text) {
        if (text.isBlank()) return List.of();
        List<String> out = new ArrayList<>();
        for (String part : text.split("[;；|]")) if (!part.isBlank()) out.add(part.trim());
        return out;
    }
}
