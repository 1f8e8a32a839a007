package org.sandian.channels.voice.speech;

import java.math.BigDecimal;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sandian.content.answer.Answer;
import org.sandian.content.answer.PriceRow;
import org.sandian.content.model.Commodity;
import org.sandian.content.model.Guidance;
import org.sandian.content.model.Lang;
import org.sandian.content.model.LocalizedText;
import org.sandian.content.model.Notice;

/**
 * Renders the engine's answers as spoken scripts with the voice templates. Voice is slow to
 * listen to, so lists are cut short: three markets, one guidance item, one notice at a time.
 */
public final class AnswerScripts {

    public static final int MARKETS_READ = 3;
    static final int NOTICE_BODY_CHARS = 240;
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    /** From this many digits a number is an identifier (a phone, a ticket), not an amount. */
    private static final int DIGITS_READ_ONE_BY_ONE = 5;

    private final VoiceTemplates templates;

    public AnswerScripts(VoiceTemplates templates) {
        this.templates = templates;
    }

    /** A script for any answer but notices (which are read one at a time with {@link #notice}). */
    public String script(Answer answer, Lang lang) {
        if (answer instanceof Answer.Prices p) return templates.render("prices", lang, prices(p, lang));
        if (answer instanceof Answer.Tips t) return templates.render("tips", lang, tips(t, lang));
        if (answer instanceof Answer.Ticket t) return templates.render("ticket", lang, Map.of("number", t.number()));
        if (answer instanceof Answer.Done d) {
            return templates.render("done", lang, Map.of("action", d.action().name(), "name", text(d.subject())));
        }
        if (answer instanceof Answer.NotFound nf) return templates.render("not-found", lang, Map.of("input", digitsOnly(nf.input())));
        if (answer instanceof Answer.Notices n && n.items().isEmpty()) return templates.render("no-notices", lang, Map.of());
        return templates.render("failed", lang, Map.of());
    }

    public String notice(Notice notice, int index, int total, Lang lang) {
        Map<String, Object> m = new HashMap<>();
        m.put("index", index);
        m.put("total", total);
        m.put("title", officerText(in(notice.title(), lang)));
        String body = in(notice.body(), lang);
        m.put("body", officerText(body.length() > NOTICE_BODY_CHARS ? body.substring(0, NOTICE_BODY_CHARS) : body));
        m.put("department", in(notice.department(), lang));
        return templates.render("notice", lang, m);
    }

    public String subscribeChoice(String name, Lang lang) {
        return templates.render("subscribe-choice", lang, Map.of("name", name));
    }

    public String done(String name, Lang lang) {
        return templates.render("done", lang, Map.of("action", "SUBSCRIBE", "name", name));
    }

    /**
     * What the call back to the asker of a spoken question says: who is calling, the ticket number
     * and the officer's answer.
     */
    public String answerCall(String number, String answer, Lang lang) {
        return templates.render("answer-call", lang, Map.of("number", number, "answer", officerText(answer)));
    }

    /**
     * An officer's free text as spoken: numbers read as words ("1.2元" keeps its point), long digit
     * runs (a phone number) digit by digit, and no script marks of its own ("[[f:...]]" would play a file).
     */
    public static String officerText(String s) {
        String plain = s == null ? "" : s.replace('[', '(').replace(']', ')');
        return NUMBER.matcher(plain).replaceAll(m -> Matcher.quoteReplacement(
                m.group().length() >= DIGITS_READ_ONE_BY_ONE && m.group().indexOf('.') < 0
                        ? SpokenScript.digits(m.group()) : SpokenScript.number(m.group())));
    }

    /** The SMS that repeats a spoken question's ticket number. */
    public String ticketSms(String number, Lang lang) {
        return templates.render("ticket-sms", lang, Map.of("number", number)).strip();
    }

    private static Map<String, Object> prices(Answer.Prices p, Lang lang) {
        Commodity c = p.commodity();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PriceRow r : p.rows().subList(0, Math.min(MARKETS_READ, p.rows().size()))) {
            Map<String, Object> row = new HashMap<>();
            row.put("market", in(r.market().name(), lang));
            row.put("month", r.date().getMonthValue());
            row.put("monthName", r.date().getMonth().getDisplayName(TextStyle.FULL, lang.locale()));
            row.put("day", r.date().getDayOfMonth());
            row.put("avg", plain(r.avg()));
            row.put("min", plain(r.min() == null ? r.avg() : r.min()));
            row.put("max", plain(r.max() == null ? r.avg() : r.max()));
            String unit = c.unit() != null ? c.unit().in(lang) : r.unit();
            row.put("unit", spokenUnit(unit == null ? r.unit() : unit, lang));
            BigDecimal change = r.change();
            if (change != null) {
                row.put("change", plain(change.abs()));
                row.put("trend", change.signum() > 0 ? "up" : change.signum() < 0 ? "down" : "same");
            }
            rows.add(row);
        }
        Map<String, Object> m = new HashMap<>();
        m.put("name", in(c.name(), lang));
        m.put("rows", rows);
        return m;
    }

    private static Map<String, Object> tips(Answer.Tips t, Lang lang) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Guidance g : t.items()) {
            String shortText = in(g.smsText(), lang);
            items.add(Map.of("topic", officerText(in(g.topic(), lang)),
                    "text", officerText(shortText.isEmpty() ? in(g.text(), lang) : shortText)));
        }
        return Map.of("crop", in(t.crop().name(), lang), "items", items);
    }

    /** "元/公斤" -> "元每公斤"; "yuan/kg" -> "yuan per kilogram". */
    static String spokenUnit(String unit, Lang lang) {
        if (unit == null) return "";
        if (lang != Lang.EN) return ChineseNumbers.unit(unit);
        return unit.replace("/kg", " per kilogram").replace("/jin", " per jin").replace("/t", " per tonne")
                .replace("/head", " per head").replace("/", " per ");
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static String in(LocalizedText t, Lang lang) {
        if (t == null) return "";
        String s = t.in(lang);
        return s == null ? "" : s;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String digitsOnly(String s) {
        return s == null ? "" : s.replaceAll("[^0-9]", "");
    }
}
