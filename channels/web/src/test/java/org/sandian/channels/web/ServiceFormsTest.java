package org.sandian.channels.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.channels.web.testing.Http;
import org.sandian.channels.web.testing.WebHub;
import org.sandian.content.bus.OutboundSms;

/** The service forms over plain HTTP, as a text browser posts them. */
class ServiceFormsTest {

    static WebHub hub;

    @BeforeAll
    static void start() throws Exception {
        hub = WebHub.shared();
    }

    /** GETs the form (which sets the CSRF cookie) and returns its token. */
    static String token(Http http, String path) throws Exception {
        return Http.field(Http.text(http.get(path)), "csrf");
    }

    static Map<String, String> form(String csrf, String... pairs) {
        Map<String, String> m = new HashMap<>();
        m.put("csrf", csrf);
        for (int i = 0; i + 1 < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
        return m;
    }

    static String code(OutboundSms sms) {
        Matcher m = Pattern.compile("(\\d{6})").matcher(sms.text());
        assertTrue(m.find(), sms.text());
        return m.group(1);
    }

    @Test
    void postWithoutTheCsrfTokenIsRefusedAndKeepsTheInput() throws Exception {
        Http http = new Http(hub.base());
        token(http, "/services/ask");
        HttpResponse<byte[]> r = http.post("/services/ask",
                form("forged", "phone", "13800138001", "question", "小麦条锈病怎么防治"));
        assertEquals(400, r.statusCode());
        String html = Http.text(r);
        assertTrue(html.contains("页面已过期"), html);
        assertTrue(html.contains("小麦条锈病怎么防治") && html.contains("13800138001"));
        assertEquals(null, hub.sms.poll(200, TimeUnit.MILLISECONDS), "no SMS for a forged post");
    }

    @Test
    void unknownCommodityIsRefusedBeforeAnySmsIsSent() throws Exception {
        Http http = new Http(hub.base());
        String csrf = token(http, "/services/subscribe");
        HttpResponse<byte[]> r = http.post("/services/subscribe",
                form(csrf, "phone", "13800138002", "topic", "price", "item", "xyzzyq"));
        assertEquals(400, r.statusCode());
        assertTrue(Http.text(r).contains("没有找到这个品种"));
        assertTrue(Http.text(r).contains("xyzzyq"), "the input is shown again");
        assertEquals(null, hub.sms.poll(200, TimeUnit.MILLISECONDS));
    }

    @Test
    void codesAreRateLimitedPerPhone() throws Exception {
        Http http = new Http(hub.base());
        String csrf = token(http, "/services/unsubscribe");
        int limit = WebOptions.defaults("x".repeat(16)).codesPerPhonePerHour();
        for (int i = 0; i < limit; i++) {
            assertEquals(200, http.post("/services/unsubscribe", form(csrf, "phone", "13800138003")).statusCode());
            hub.nextSms();
        }
        HttpResponse<byte[]> r = http.post("/services/unsubscribe", form(csrf, "phone", "13800138003"));
        assertEquals(429, r.statusCode());
        assertTrue(Http.text(r).contains("验证码发送太频繁"));
    }

    @Test
    void subscribeThenUnsubscribeWithCodesReadFromTheSms() throws Exception {
        Http http = new Http(hub.base());
        String csrf = token(http, "/services/subscribe");
        HttpResponse<byte[]> step1 = http.post("/services/subscribe",
                form(csrf, "phone", "138-0013-8004", "topic", "guidance", "item", "shuidao"));
        assertEquals(200, step1.statusCode(), Http.text(step1));
        OutboundSms sms = hub.nextSms();
        assertEquals("+8613800138004", sms.to());
        assertEquals(OutboundSms.Priority.REPLY, sms.priority());
        String page = Http.text(step1);
        HttpResponse<byte[]> done = http.post("/services/subscribe/confirm", form(csrf, "phone", Http.field(page, "phone"),
                "topic", Http.field(page, "topic"), "item", Http.field(page, "item"), "question", "", "code", code(sms)));
        assertTrue(Http.text(done).contains("订阅成功"), Http.text(done));

        http.post("/services/unsubscribe", form(csrf, "phone", "13800138004"));
        HttpResponse<byte[]> stopped = http.post("/services/unsubscribe/confirm",
                form(csrf, "phone", "+8613800138004", "code", code(hub.nextSms())));
        assertTrue(Http.text(stopped).contains("已退订"), Http.text(stopped));
    }

    @Test
    void statusOfSomeoneElsesTicketIsNotShown() throws Exception {
        Http http = new Http(hub.base());
        String csrf = token(http, "/services/ask");
        http.post("/services/ask", form(csrf, "phone", "13800138005", "question", "油菜什么时候收割最好"));
        HttpResponse<byte[]> asked = http.post("/services/ask/confirm", form(csrf, "phone", "+8613800138005",
                "question", "油菜什么时候收割最好", "code", code(hub.nextSms())));
        String html = Http.text(asked);
        Matcher m = Pattern.compile("id=\"ticket\">([^<]+)<").matcher(html);
        assertTrue(m.find(), html);
        String ticket = m.group(1);

        HttpResponse<byte[]> mine = http.post("/services/status", form(csrf, "ticket", ticket, "phone", "13800138005"));
        assertEquals(200, mine.statusCode());
        assertTrue(Http.text(mine).contains("油菜") || Http.text(mine).contains("待处理"));
        HttpResponse<byte[]> other = http.post("/services/status", form(csrf, "ticket", ticket, "phone", "13800138999"));
        assertEquals(404, other.statusCode());
        assertTrue(Http.text(other).contains("没有找到这个编号"));
    }

    @Test
    void priceHistoryPagesAndDownloadsAsCsv() throws Exception {
        Http http = new Http(hub.base());
        String market = hub.snapshot.get().markets().iterator().next().id();
        String page2 = Http.text(http.get("/prices/104/" + market + "?page=2"));
        assertTrue(page2.contains("2/2") && page2.contains("rel=\"prev\""), page2);
        HttpResponse<byte[]> csv = http.get("/prices/104/" + market + "/csv");
        assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("content-type").orElse(""));
        assertTrue(csv.headers().firstValue("content-disposition").orElse("").contains("attachment"));
        var lines = Http.text(csv).lines().toList();
        assertEquals("commodity,market,date,min,avg,max,unit", lines.get(0));
        assertEquals(hub.snapshot.get().history("104", market).size() + 1, lines.size());
        assertTrue(lines.get(1).startsWith("104," + market + ","));
    }
}
