package org.sandian.channels.web.pages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sandian.content.model.Attachment;
import org.sandian.content.model.Guidance;
import org.sandian.content.model.Lang;
import org.sandian.content.model.Notice;
import org.sandian.content.model.Region;
import org.sandian.content.snapshot.ContentSnapshot;

/** Notices and guidance as the flat maps templates read. */
final class ContentViews {

    private ContentViews() {
    }

    static Map<String, Object> notice(Notice n, Lang lang) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", n.id());
        m.put("title", n.title().in(lang));
        m.put("dept", n.department() == null ? "" : n.department().in(lang));
        m.put("effective", n.effective() == null ? "" : n.effective().toString());
        m.put("expiry", n.expiry() == null ? "" : n.expiry().toString());
        return m;
    }

    static Map<String, Object> noticeDetail(ContentSnapshot s, Notice n, Lang lang) {
        Map<String, Object> m = notice(n, lang);
        m.put("paragraphs", paragraphs(n.body() == null ? "" : n.body().in(lang)));
        m.put("regions", regionNames(s, n.regionScope(), lang));
        List<Map<String, String>> files = new ArrayList<>();
        if (n.attachments() != null) {
            for (Attachment a : n.attachments()) files.add(Map.of("title", a.title().in(lang), "url", a.url()));
        }
        m.put("attachments", files);
        return m;
    }

    static Map<String, Object> guidance(ContentSnapshot s, Guidance g, Lang lang) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", g.id());
        var crop = s.commodity(g.commodityCode());
        m.put("crop", crop == null ? g.commodityCode() : crop.name().in(lang));
        m.put("cropCode", g.commodityCode());
        m.put("topic", g.topic() == null ? "" : g.topic().in(lang));
        m.put("season", g.season() == null ? "all" : g.season());
        m.put("summary", g.smsText() == null ? "" : g.smsText().in(lang));
        return m;
    }

    static Map<String, Object> guidanceDetail(ContentSnapshot s, Guidance g, Lang lang) {
        Map<String, Object> m = guidance(s, g, lang);
        m.put("paragraphs", paragraphs(g.text() == null ? "" : g.text().in(lang)));
        m.put("regions", regionNames(s, g.regionScope(), lang));
        return m;
    }

    static List<String> regionNames(ContentSnapshot s, List<String> scope, Lang lang) {
        List<String> names = new ArrayList<>();
        if (scope == null) return names;
        for (String code : scope) {
            Region r = s.region(code);
            names.add(r == null ? code : r.name().in(lang));
        }
        return names;
    }

    static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.split("\\R+")) if (!p.isBlank()) out.add(p.strip());
        return out;
    }
}
