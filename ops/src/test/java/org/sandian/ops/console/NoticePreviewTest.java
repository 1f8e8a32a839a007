package org.sandian.ops.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sandian.ops.auth.Role;
import org.sandian.ops.testing.SharedHub;

/** A draft notice previewed as the SMS each language's farmers would get, with its part count; region-scoped. */
class NoticePreviewTest {

    @Test
    void draftNoticeIsPreviewedAsSmsWithItsPartCount() throws Exception {
        SharedHub.officer("pv-editor-qj", Role.EDITOR, "429005000000");
        SharedHub.officer("pv-editor-wh", Role.EDITOR, "420100000000");
        ConsoleClient editor = new ConsoleClient();
        editor.login("pv-editor-qj", SharedHub.PASSWORD);
        editor.get("/console/content/new/notice");
        String body = "请各村于本月底前完成冬季灌溉渠道清淤，确保春灌用水。".repeat(4);
        editor.post("/console/content/notice", Map.of("id", "n-preview-canal", "titleZh", "冬修水利通知",
                "titleEn", "Winter canal works", "bodyZh", body, "departmentZh", "潜江市水利局",
                "effective", "2026-11-01", "regionScope", "429005000000"));

        HttpResponse<String> r = editor.get("/console/content/notice/n-preview-canal/preview");
        assertEquals(200, r.statusCode(), r.body());
        Matcher sms = Pattern.compile("id=\"sms-zh\"[^>]*>([^<]*)</pre>").matcher(r.body());
        assertTrue(sms.find(), r.body());
        String text = sms.group(1);
        assertTrue(text.contains("冬修水利通知"), text);
        Matcher parts = Pattern.compile("id=\"sms-parts-zh\">(\\d+) [^,]*, (\\d+) ").matcher(r.body());
        assertTrue(parts.find(), r.body());
        int chars = Integer.parseInt(parts.group(1));
        int expected = chars <= 70 ? 1 : (chars + 66) / 67; // UCS-2: 70 alone, 67 per part when split
        assertEquals(expected, Integer.parseInt(parts.group(2)), "parts of a " + chars + "-character Chinese SMS");

        ConsoleClient other = new ConsoleClient();
        other.login("pv-editor-wh", SharedHub.PASSWORD);
        assertEquals(404, other.get("/console/content/notice/n-preview-canal/preview").statusCode(),
                "an officer of another county does not see it");
    }
}
