package org.sandian.ops.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sandian.content.audit.AuditLog;
import org.sandian.content.editing.ContentDesk;
import org.sandian.content.editing.ContentKind;
import org.sandian.content.editing.Editor;
import org.sandian.content.model.ContentMeta;
import org.sandian.content.model.Price;
import org.sandian.content.store.ContentStores;
import org.sandian.ops.auth.Role;
import org.sandian.ops.testing.SharedHub;

/**
 * Drafts previewed on every channel before publication, each rendered by the channel's own code:
 * the SMS with its part count, the words the hotline speaks, the TV board, the public web page; region-scoped.
 */
class ContentPreviewTest {

    @Test
    void draftNoticeIsPreviewedAsSmsVoiceAndTvBoard() throws Exception {
        String body = "请各村于本月底前完成冬季灌溉渠道清淤，确保春灌用水。".repeat(4);
        ConsoleClient editor = qianjiangDraftNotice("n-preview-canal", "冬修水利通知", "Winter canal works", body,
                "潜江市水利局");

        HttpResponse<String> r = editor.get("/console/content/notice/n-preview-canal/preview");
        assertEquals(200, r.statusCode(), r.body());
        String text = element(r.body(), "pre", "sms-zh");
        assertTrue(text.contains("冬修水利通知"), text);
        Matcher parts = Pattern.compile("id=\"sms-parts-zh\">(\\d+) [^,]*, (\\d+) ").matcher(r.body());
        assertTrue(parts.find(), r.body());
        int chars = Integer.parseInt(parts.group(1));
        int expected = chars <= 70 ? 1 : (chars + 66) / 67; // UCS-2: 70 alone, 67 per part when split
        assertEquals(expected, Integer.parseInt(parts.group(2)), "parts of a " + chars + "-character Chinese SMS");

        // the hotline reads it with the voice channel's notice template: "第一条，共一条。<title>。<body>发布单位..."
        String voice = element(r.body(), "p", "voice-zh");
        assertTrue(voice.startsWith("第一条，共一条。冬修水利通知。"), voice);
        assertTrue(voice.contains("发布单位：潜江市水利局"), voice);
        assertFalse(voice.contains("[["), "no script marks left in what is spoken: " + voice);

        assertTrue(r.body().contains("src=\"/console/content/notice/n-preview-canal/preview/tv?lang=zh\""), r.body());
        HttpResponse<String> tv = editor.get("/console/content/notice/n-preview-canal/preview/tv?lang=zh");
        assertEquals(200, tv.statusCode(), tv.body());
        assertTrue(tv.body().contains("<h1>政务公开</h1>"), "the board's notices section: " + tv.body());
        assertTrue(tv.body().contains("<b>冬修水利通知</b><span>潜江市水利局</span>"), tv.body());

        ConsoleClient other = new ConsoleClient();
        other.login("pv-editor-wh", SharedHub.PASSWORD);
        assertEquals(404, other.get("/console/content/notice/n-preview-canal/preview").statusCode(),
                "an officer of another county does not see it");
        assertEquals(404, other.get("/console/content/notice/n-preview-canal/preview/tv").statusCode());
    }

    @Test
    void draftNoticeIsPreviewedAsItsPublicWebPageWhileTheSiteStillDoesNotShowIt() throws Exception {
        ConsoleClient editor = qianjiangDraftNotice("n-preview-web", "春耕网页预览通知", "Spring ploughing web preview",
                "各村请备好种子。<b>x</b>\n第二段：农机检修。", "潜江市农业农村局");

        String preview = editor.get("/console/content/notice/n-preview-web/preview").body();
        assertTrue(preview.contains("src=\"/console/content/notice/n-preview-web/preview/web?lang=zh\""), preview);
        HttpResponse<String> web = editor.get("/console/content/notice/n-preview-web/preview/web?lang=zh");
        assertEquals(200, web.statusCode(), web.body());
        assertTrue(web.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(web.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        // the public site's own notice template and layout: its heading, paragraphs and navigation
        assertTrue(web.body().contains("<h1>春耕网页预览通知</h1>"), web.body());
        assertTrue(web.body().contains("<dd>潜江市农业农村局</dd>"), web.body());
        assertTrue(web.body().contains("<p>各村请备好种子。&lt;b&gt;x&lt;/b&gt;</p><p>第二段：农机检修。</p>"),
                "officer text escaped, one paragraph per line: " + web.body());
        assertFalse(web.body().contains("<b>x</b>"), web.body());
        assertTrue(web.body().contains("<a href=\"/notices\">"), "the site's navigation: " + web.body());
        HttpResponse<String> en = editor.get("/console/content/notice/n-preview-web/preview/web?lang=en");
        assertTrue(en.body().contains("<h1>Spring ploughing web preview</h1>") && en.body().contains("lang=\"en\""), en.body());

        HttpClient visitor = HttpClient.newHttpClient();
        HttpResponse<String> live = visitor.send(HttpRequest.newBuilder(URI.create(SharedHub.url("/notices/n-preview-web")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, live.statusCode(), "a draft is not on the public site");
        String list = visitor.send(HttpRequest.newBuilder(URI.create(SharedHub.url("/notices?region=429005000000"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(list.contains("<h1>") && !list.contains("春耕网页预览通知"), list);

        ConsoleClient other = new ConsoleClient();
        other.login("pv-editor-wh", SharedHub.PASSWORD);
        assertEquals(404, other.get("/console/content/notice/n-preview-web/preview/web").statusCode(),
                "an officer of another county does not see it");
    }

    @Test
    void priceInReviewIsPreviewedWithItsChangeSpokenAndOnTheBoard() throws Exception {
        SharedHub.officer("pv-editor-hb", Role.EDITOR, "420000000000");
        LocalDate day = LocalDate.of(2031, 3, 15); // after every demo price: the demo's latest is the previous report
        ContentDesk desk = new ContentDesk(new ContentStores(SharedHub.get().store()),
                new AuditLog(SharedHub.get().store(), Clock.systemUTC()), Clock.systemUTC(), false, k -> { });
        Editor reporter = new Editor("pv-editor-hb", "420000000000", java.util.EnumSet.of(Editor.Right.REPORT_PRICES));
        String id = Price.idOf("104", "wuhan-baishazhou", day);
        desk.save(reporter, ContentKind.PRICE, new Price(id, "104", "wuhan-baishazhou", day, new BigDecimal("9.10"),
                new BigDecimal("9.25"), new BigDecimal("9.40"), "元/公斤", "test", "pv-editor-hb", (ContentMeta) null));
        desk.submit(reporter, ContentKind.PRICE, id);

        ConsoleClient editor = new ConsoleClient();
        editor.login("pv-editor-hb", SharedHub.PASSWORD);
        HttpResponse<String> r = editor.get("/console/content/price/" + id + "/preview");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(element(r.body(), "pre", "sms-zh").contains("9.25"), r.body());
        String voice = element(r.body(), "p", "voice-zh");
        assertTrue(voice.contains("三月十五日") && voice.contains("均价九点二五"), "numbers spoken as words: " + voice);
        assertTrue(voice.contains("比上次涨"), "against the demo's last report at the market: " + voice);
        HttpResponse<String> tv = editor.get("/console/content/price/" + id + "/preview/tv?lang=en");
        assertEquals(200, tv.statusCode(), tv.body());
        assertTrue(tv.body().contains("<b>Maize</b>") && tv.body().contains("9.25"), tv.body());
        HttpResponse<String> web = editor.get("/console/content/price/" + id + "/preview/web?lang=en");
        assertEquals(200, web.statusCode(), web.body());
        assertTrue(web.body().contains("<tr><td>2031-03-15</td><td class=\"n\">9.10</td><td class=\"n\">9.25</td>"),
                "the draft heads its market's history table: " + web.body());
    }

    @Test
    void guidanceIsPreviewedOnSmsAndVoiceButNotOnTheBoard() throws Exception {
        SharedHub.officer("pv-editor-qj", Role.EDITOR, "429005000000");
        ConsoleClient editor = new ConsoleClient();
        editor.login("pv-editor-qj", SharedHub.PASSWORD);
        editor.get("/console/content/new/guidance");
        editor.post("/console/content/guidance", Map.of("id", "g-preview-rapeseed", "commodityCode", "104",
                "topicZh", "追肥", "season", "spring", "regionScope", "429005000000",
                "textZh", "玉米拔节期每亩追施尿素十公斤，雨前施用。", "smsTextZh", "玉米拔节期每亩追尿素10公斤"));
        HttpResponse<String> r = editor.get("/console/content/guidance/g-preview-rapeseed/preview");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(element(r.body(), "pre", "sms-zh").contains("玉米拔节期每亩追尿素10公斤"), r.body());
        assertTrue(element(r.body(), "p", "voice-zh").contains("追肥"), r.body());
        assertTrue(element(r.body(), "p", "tv-zh").contains("不在电视屏"), r.body());
        assertEquals(404, editor.get("/console/content/guidance/g-preview-rapeseed/preview/tv").statusCode());
        String web = editor.get("/console/content/guidance/g-preview-rapeseed/preview/web?lang=zh").body();
        assertTrue(web.contains("追肥") && web.contains("<p>玉米拔节期每亩追施尿素十公斤，雨前施用。</p>"), web);
    }

    /**
     * A draft notice saved by an editor of Qianjiang (county 429005), who stays signed in; an editor
     * of Wuhan ("pv-editor-wh") exists to be refused it.
     */
    private static ConsoleClient qianjiangDraftNotice(String id, String titleZh, String titleEn, String bodyZh,
                                                      String departmentZh) throws Exception {
        SharedHub.officer("pv-editor-qj", Role.EDITOR, "429005000000");
        SharedHub.officer("pv-editor-wh", Role.EDITOR, "420100000000");
        ConsoleClient editor = new ConsoleClient();
        editor.login("pv-editor-qj", SharedHub.PASSWORD);
        editor.get("/console/content/new/notice");
        editor.post("/console/content/notice", Map.of("id", id, "titleZh", titleZh, "titleEn", titleEn, "bodyZh", bodyZh,
                "departmentZh", departmentZh, "effective", "2026-11-01", "regionScope", "429005000000"));
        return editor;
    }

    private static String element(String html, String tag, String id) {
        Matcher m = Pattern.compile("<" + tag + " id=\"" + id + "\"[^>]*>([^<]*)</" + tag + ">").matcher(html);
        assertTrue(m.find(), id + " in " + html);
        return m.group(1);
    }
}
