package org.sandian.channels.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.channels.web.testing.Http;
import org.sandian.channels.web.testing.WebHub;
import org.sandian.content.model.Attachment;
import org.sandian.content.model.ContentMeta;
import org.sandian.content.model.LocalizedText;
import org.sandian.content.model.Notice;

/** Lists filtered as asked, and officers' text shown as text, never as markup. */
class ContentPagesTest {

    static WebHub hub;

    @BeforeAll
    static void start() throws Exception {
        hub = WebHub.shared();
    }

    static Set<String> noticeLinks(String html) {
        Matcher m = Pattern.compile("href=\"/notices/([^\"?]+)\"").matcher(html);
        Set<String> ids = new java.util.HashSet<>();
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    @Test
    void noticesAreFilteredByRegionAndDepartment() throws Exception {
        LocalDate today = LocalDate.now(WebHub.ZONE);
        var s = hub.snapshot.get();
        String region = s.markets().iterator().next().regionCode();
        List<Notice> inRegion = s.noticesFor(region, today);
        assertTrue(inRegion.size() < s.noticesFor(null, today).size(), "the demo has notices for other regions");
        Http http = new Http(hub.base());
        assertEquals(inRegion.stream().map(Notice::id).collect(Collectors.toSet()),
                noticeLinks(Http.text(http.get("/notices?region=" + region))));

        String dept = inRegion.get(0).department().zh();
        Set<String> expected = inRegion.stream().filter(n -> n.department().zh().equals(dept)).map(Notice::id)
                .collect(Collectors.toSet());
        assertEquals(expected, noticeLinks(Http.text(http.get("/notices?region=" + region + "&dept="
                + URLEncoder.encode(dept, StandardCharsets.UTF_8)))));
    }

    @Test
    void officersTextIsEscaped() throws Exception {
        Instant now = Instant.now();
        Notice n = new Notice("escape-test", LocalizedText.of("<script>alert(1)</script>补贴 & <b>通知</b>", "x"),
                LocalizedText.of("第一段<img src=x onerror=alert(1)>\n第二段", "x"), LocalizedText.of("县农业局", "x"),
                List.of(), LocalDate.now(WebHub.ZONE).minusDays(1), null,
                List.of(new Attachment(LocalizedText.of("申请表\"><i>", "form"), "/files/form.doc")),
                ContentMeta.published("test", now));
        hub.stores.notices().insertOne(n);
        WebHub.await(hub.snapshot.reload());
        String html = Http.text(new Http(hub.base()).get("/notices/escape-test"));
        assertFalse(html.contains("<script>") || html.contains("<img") || html.contains("<b>通知") || html.contains("<i>"),
                html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;补贴 &amp; &lt;b&gt;通知&lt;/b&gt;"), html);
        assertTrue(html.contains("<p>第二段</p>"), "paragraphs kept");
        assertTrue(html.contains("申请表&quot;&gt;&lt;i&gt;"), html);
        hub.stores.notices().deleteOne(com.mongodb.client.model.Filters.eq("_id", "escape-test"));
        WebHub.await(hub.snapshot.reload());
    }
}
