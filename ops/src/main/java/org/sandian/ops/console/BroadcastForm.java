package org.sandian.ops.console;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sandian.broadcast.audience.Audience;
import org.sandian.broadcast.core.Broadcast;
import org.sandian.broadcast.core.BroadcastDraft;
import org.sandian.broadcast.schedule.QuietHours;
import org.sandian.broadcast.schedule.Schedule;
import org.sandian.content.answer.Channel;
import org.sandian.content.model.Lang;
import org.sandian.content.model.RegionCode;

/**
 * The broadcast composer's form: its raw values (shown again as typed), the draft they make and
 * the problems found, field by field. A recorded message per language arrives as a file, is stored
 * (then kept in a hidden field, so a form shown again with a problem does not lose it) or refused.
 */
final class BroadcastForm {

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Hours as officers type them: 07:00 or 7:00. */
    static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("H:mm");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    static final List<Channel> OFFERED = List.of(Channel.SMS, Channel.VOICE, Channel.WEB, Channel.TV);
    /** The languages a broadcast is written (and recorded) in, as the form's fields end: textZh, recordingEn. */
    static final Map<Lang, String> FIELD_SUFFIX = Map.of(Lang.ZH, "Zh", Lang.EN, "En");

    final JsonObject values = new JsonObject();
    final Map<String, String> errors = new LinkedHashMap<>();
    private Audience audience;
    private Map<Lang, String> texts;
    private Set<Channel> channels;
    private Schedule schedule;
    private QuietHours quiet;
    private Duration valid;

    private BroadcastForm() {
    }

    /** A fresh form for an officer of {@code region}: his area as the audience, SMS, now. */
    static JsonObject blank(String region) {
        return new JsonObject().put("title", "").put("textZh", "").put("textEn", "")
                .put("regions", region == null ? "" : region).put("crops", "").put("topics", "")
                .put("langZh", false).put("langEn", false).put("channelSMS", true).put("channelVOICE", false)
                .put("channelWEB", false).put("channelTV", false).put("schedule", "NOW").put("at", "").put("time", "")
                .put("dayOfWeek", "MONDAY").put("dayOfMonth", "").put("validHours", "").put("quietFrom", "")
                .put("quietTo", "").put("recordingZh", "").put("recordingEn", "");
    }

    /** The form as the officer would have typed {@code b}: to edit a draft or a broadcast sent back. */
    static JsonObject valuesOf(Broadcast b, ZoneId zone) {
        Schedule s = b.schedule();
        Audience a = b.audience();
        JsonObject v = new JsonObject().put("title", b.title())
                .put("textZh", b.texts().getOrDefault(Lang.ZH, "")).put("textEn", b.texts().getOrDefault(Lang.EN, ""))
                .put("regions", String.join(", ", a.regions())).put("crops", String.join(", ", a.crops()))
                .put("topics", String.join(", ", a.topics()))
                .put("langZh", a.langs().contains(Lang.ZH)).put("langEn", a.langs().contains(Lang.EN))
                .put("schedule", s.kind().name())
                .put("at", s.at() == null ? "" : LOCAL.format(s.at().atZone(zone)))
                .put("time", s.time() == null ? "" : HH_MM.format(s.time()))
                .put("dayOfWeek", s.dayOfWeek() == null ? "MONDAY" : s.dayOfWeek().name())
                .put("dayOfMonth", s.dayOfMonth() == null ? "" : String.valueOf(s.dayOfMonth()))
                .put("validHours", b.validFor() == null ? "" : String.valueOf(b.validFor().toHours()))
                .put("quietFrom", b.quietHours() == null ? "" : HH_MM.format(b.quietHours().from()))
                .put("quietTo", b.quietHours() == null ? "" : HH_MM.format(b.quietHours().to()))
                .put("recordingZh", b.recordings().getOrDefault(Lang.ZH, ""))
                .put("recordingEn", b.recordings().getOrDefault(Lang.EN, ""));
        for (Channel c : OFFERED) v.put("channel" + c.name(), b.channels().contains(c));
        return v;
    }

    static BroadcastForm read(MultiMap f, ZoneId zone) {
        BroadcastForm form = new BroadcastForm();
        JsonObject v = form.values;
        for (String name : List.of("title", "textZh", "textEn", "regions", "crops", "topics", "schedule", "at", "time",
                "dayOfWeek", "dayOfMonth", "validHours", "quietFrom", "quietTo")) {
            v.put(name, trim(f.get(name)));
        }
        v.put("langZh", f.contains("langZh")).put("langEn", f.contains("langEn"));
        // A recording already stored stays unless its "remove" box is ticked; the service checks the name.
        for (String suffix : FIELD_SUFFIX.values()) {
            v.put("recording" + suffix, f.contains("removeRecording" + suffix) ? "" : trim(f.get("recording" + suffix)));
        }
        for (Channel c : OFFERED) v.put("channel" + c.name(), f.contains("channel" + c.name()));
        form.audience = form.audience();
        form.schedule = form.schedule(zone);
        Map<Lang, String> texts = new EnumMap<>(Lang.class);
        if (!v.getString("textZh").isEmpty()) texts.put(Lang.ZH, v.getString("textZh"));
        if (!v.getString("textEn").isEmpty()) texts.put(Lang.EN, v.getString("textEn"));
        if (texts.isEmpty()) form.errors.put("textZh", "write the text in at least one language");
        if (v.getString("title").isEmpty()) form.errors.put("title", "a title is required");
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (Channel c : OFFERED) if (v.getBoolean("channel" + c.name())) channels.add(c);
        if (channels.isEmpty()) form.errors.put("channels", "choose at least one channel");
        Duration valid = null;
        if (!v.getString("validHours").isEmpty()) {
            try {
                valid = Duration.ofHours(Integer.parseInt(v.getString("validHours")));
            } catch (NumberFormatException e) {
                form.errors.put("validHours", "a whole number of hours");
            }
        }
        form.quiet = form.quietHours();
        form.texts = texts;
        form.channels = channels;
        form.valid = valid;
        return form;
    }

    /** The recording just stored for {@code lang}: it replaces the one before. */
    void attach(Lang lang, String recording) {
        values.put("recording" + FIELD_SUFFIX.get(lang), recording);
    }

    /** An uploaded recording that was refused, with the reason. */
    void refuse(Lang lang, String reason) {
        errors.put("recording" + FIELD_SUFFIX.get(lang), reason);
    }

    /** The audience, or null (with an error) when a region code is malformed. */
    Audience audienceOrNull() {
        return audience;
    }

    /** The draft, or null when {@link #errors} is not empty. */
    BroadcastDraft draft() {
        if (!errors.isEmpty()) return null;
        Map<Lang, String> recordings = new EnumMap<>(Lang.class);
        FIELD_SUFFIX.forEach((lang, suffix) -> {
            if (!values.getString("recording" + suffix).isEmpty()) recordings.put(lang, values.getString("recording" + suffix));
        });
        return new BroadcastDraft(values.getString("title"), texts, channels, audience, schedule, quiet, valid, recordings);
    }

    Set<Channel> channels() {
        Set<Channel> out = EnumSet.noneOf(Channel.class);
        for (Channel c : OFFERED) if (values.getBoolean("channel" + c.name())) out.add(c);
        return out.isEmpty() ? EnumSet.of(Channel.SMS) : out;
    }

    private Audience audience() {
        List<String> regions = list(values.getString("regions"));
        for (String r : regions) {
            if (!RegionCode.isValid(r)) {
                errors.put("regions", "not a 12-digit region code: " + r);
                return null;
            }
        }
        Set<Lang> langs = EnumSet.noneOf(Lang.class);
        if (values.getBoolean("langZh")) langs.add(Lang.ZH);
        if (values.getBoolean("langEn")) langs.add(Lang.EN);
        return new Audience(regions, list(values.getString("crops")), list(values.getString("topics")), langs);
    }

    /** Both times empty: no quiet hours; else two different times as HH:MM (21:00 to 07:00 spans midnight). */
    private QuietHours quietHours() {
        String from = values.getString("quietFrom");
        String to = values.getString("quietTo");
        if (from.isEmpty() && to.isEmpty()) return null;
        try {
            return new QuietHours(LocalTime.parse(from, HOURS), LocalTime.parse(to, HOURS));
        } catch (RuntimeException e) {
            errors.put("quietHours", "quiet hours: two different times as HH:MM, e.g. 21:00 and 07:00 (or both empty)");
            return null;
        }
    }

    private Schedule schedule(ZoneId zone) {
        String kind = values.getString("schedule").toUpperCase(Locale.ROOT);
        try {
            switch (kind) {
                case "AT":
                    return Schedule.at(LocalDateTime.parse(values.getString("at"), LOCAL).atZone(zone).toInstant());
                case "DAILY":
                    return Schedule.daily(LocalTime.parse(values.getString("time"), HOURS));
                case "WEEKLY":
                    return Schedule.weekly(DayOfWeek.valueOf(values.getString("dayOfWeek").toUpperCase(Locale.ROOT)),
                            LocalTime.parse(values.getString("time"), HOURS));
                case "MONTHLY":
                    return Schedule.monthly(Integer.parseInt(values.getString("dayOfMonth")), LocalTime.parse(values.getString("time"), HOURS));
                default:
                    return Schedule.now();
            }
        } catch (RuntimeException e) {
            errors.put("schedule", "AT needs a time as YYYY-MM-DD HH:MM; DAILY, WEEKLY and MONTHLY a time as HH:MM,"
                    + " MONTHLY a day of the month 1-31");
            return null;
        }
    }

    private static List<String> list(String text) {
        if (text == null || text.isBlank()) return List.of();
        return Arrays.stream(text.split("[,，\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
