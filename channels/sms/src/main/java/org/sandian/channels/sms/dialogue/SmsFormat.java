package org.sandian.channels.sms.dialogue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sandian.content.answer.Intent;
import org.sandian.content.answer.PriceRow;
import org.sandian.content.model.Commodity;
import org.sandian.content.model.Lang;
import org.sandian.content.model.LocalizedText;
import org.sandian.content.model.Market;

/**
 * Numbers, dates, units and keywords as an SMS in one language writes them; the templates call it
 * as {@code f} so every template formats alike ("1.25元/公斤 ↑0.03 (11月22日)" or
 * "1.25 yuan/kg +0.03 (Nov 22)"). Dates are shown in the hub's zone.
 */
public final class SmsFormat {

    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("M月d日", Locale.CHINESE);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    /** Units as they are stored (Chinese) and as English SMS writes them. */
    private static final Map<String, String> EN_UNITS = Map.of(
            "元/公斤", "yuan/kg", "元/斤", "yuan/jin", "元/吨", "yuan/t", "元/千克", "yuan/kg",
            "元/头", "yuan/head", "元/只", "yuan/each", "元/个", "yuan/each", "元/枚", "yuan/each");

    private static final Map<Intent, String> ZH_KEYWORDS = Map.of(
            Intent.PRICE, "价格", Intent.GUESS, "价格", Intent.GUIDANCE, "技术", Intent.NOTICES, "政策",
            Intent.SUBSCRIBE, "订阅 价格", Intent.REGISTER, "注册", Intent.ASK, "问", Intent.COMPLAIN, "投诉",
            Intent.STATUS, "查询", Intent.HELP, "帮助");
    private static final Map<Intent, String> EN_KEYWORDS = Map.of(
            Intent.PRICE, "PRICE", Intent.GUESS, "PRICE", Intent.GUIDANCE, "TIP", Intent.NOTICES, "NEWS",
            Intent.SUBSCRIBE, "SUB PRICE", Intent.REGISTER, "REG", Intent.ASK, "ASK", Intent.COMPLAIN, "COMPLAIN",
            Intent.STATUS, "STATUS", Intent.HELP, "HELP");

    /** Longest first, so "prices" is taken whole. */
    private static final List<String> TOPIC_WORDS = List.of("guidance", "notices", "prices", "price", "tips",
            "tip", "news", "价格", "行情", "技术", "政策", "通知", "jg");

    private final Lang lang;
    private final ZoneId zone;

    public SmsFormat(Lang lang, ZoneId zone) {
        this.lang = lang;
        this.zone = zone;
    }

    public boolean zh() {
        return lang == Lang.ZH;
    }

    /** A name in this language, falling back to the other one; "" for none. */
    public String name(LocalizedText text) {
        if (text == null) return "";
        String s = text.in(lang);
        return s == null ? "" : s;
    }

    /** A market's name short enough for an SMS line ("武汉白沙洲", "Wuhan Baishazhou"). */
    public String market(Market market) {
        return ShortNames.of(name(market.name()));
    }

    /** A subscription topic as stored ("price:104", "guidance:101", "notices") in words. */
    public String topic(String stored) {
        String kind = stored == null ? "" : stored.split(":", 2)[0];
        switch (kind) {
            case "price":
                return zh() ? "价格" : "prices";
            case "guidance":
                return zh() ? "技术指导" : "guidance";
            case "notices":
                return zh() ? "政策通知" : "notices";
            default:
                return "";
        }
    }

    /** The farmer's own words after a topic keyword ("价格 玉米" gives "玉米"), to echo back. */
    public String withoutTopic(String terms) {
        if (terms == null) return "";
        String t = terms.strip();
        for (String word : TOPIC_WORDS) {
            if (t.toLowerCase(Locale.ROOT).startsWith(word)) return t.substring(word.length()).strip();
        }
        return t;
    }

    /** Money with two decimals, no grouping: "1.25", "1820.00". */
    public String money(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** The movement since the previous report: "↑0.03", "↓0.03", "持平" / "+0.03", "-0.03", "steady"; "" if unknown. */
    public String change(PriceRow row) {
        BigDecimal change = row.change();
        if (change == null) return "";
        int sign = change.setScale(2, RoundingMode.HALF_UP).signum();
        String amount = money(change.abs());
        if (sign == 0) return zh() ? "持平" : "steady";
        if (zh()) return (sign > 0 ? "↑" : "↓") + amount;
        return (sign > 0 ? "+" : "-") + amount;
    }

    /** The price unit: "元/公斤" in Chinese, " yuan/kg" (with its space) in English. */
    public String unit(Commodity commodity, PriceRow row) {
        String stored = row.unit();
        if (zh()) {
            if (commodity != null && commodity.unit() != null && commodity.unit().zh() != null) return commodity.unit().zh();
            return stored == null ? "" : stored;
        }
        String en = commodity != null && commodity.unit() != null ? commodity.unit().en() : null;
        if (en == null || en.isBlank()) en = stored == null ? "" : EN_UNITS.getOrDefault(stored, stored);
        return en.isEmpty() ? "" : " " + en;
    }

    public String date(LocalDate date) {
        if (date == null) return "";
        return date.format(zh() ? ZH_DATE : EN_DATE);
    }

    /** An instant as the hub's local date. */
    public String day(Instant at) {
        return at == null ? "" : date(at.atZone(zone).toLocalDate());
    }

    /** The keyword a farmer would send for {@code intent} ("价格", "PRICE"). */
    public String keyword(Intent intent) {
        String k = (zh() ? ZH_KEYWORDS : EN_KEYWORDS).get(intent);
        return k == null ? (zh() ? "帮助" : "HELP") : k;
    }

    /** A ticket's state in words; unknown states are shown as they are. */
    public String state(String state) {
        if (state == null) return "";
        switch (state.toLowerCase(Locale.ROOT)) {
            case "open", "new", "received":
                return zh() ? "已受理，待答复" : "received, awaiting an answer";
            case "assigned", "in_progress", "in-progress", "processing":
                return zh() ? "处理中" : "in progress";
            case "answered":
                return zh() ? "已答复" : "answered";
            case "closed", "done", "resolved":
                return zh() ? "已办结" : "closed";
            case "overdue":
                return zh() ? "处理中（已催办）" : "in progress (escalated)";
            default:
                return state;
        }
    }
}
