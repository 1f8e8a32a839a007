package org.sandian.channels.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sandian.channels.web.ServiceFormsTest.code;
import static org.sandian.channels.web.ServiceFormsTest.form;
import static org.sandian.channels.web.ServiceFormsTest.token;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.channels.web.testing.Http;
import org.sandian.channels.web.testing.WebHub;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.questions.QuestionStore;
import org.sandian.content.questions.WorkingDays;

/** A ticket's answer is private to the phone that asked: a code proves the phone, and look-ups are limited per IP. */
class TicketStatusTest {

    private static final String ANSWER = "四月下旬角果七成黄时收割";
    static WebHub hub;

    @BeforeAll
    static void start() throws Exception {
        hub = WebHub.shared();
    }

    @Test
    void theAnswerIsShownOnlyAfterTheAskingPhoneConfirmsACode() throws Exception {
        Http http = new Http(hub.base());
        String csrf = token(http, "/services/ask");
        http.post("/services/ask", form(csrf, "phone", "13800138006", "question", "油菜什么时候收割最好"));
        String asked = Http.text(http.post("/services/ask/confirm", form(csrf, "phone", "+8613800138006",
                "question", "油菜什么时候收割最好", "code", code(hub.nextSms()))));
        Matcher m = Pattern.compile("id=\"ticket\">([^<]+)<").matcher(asked);
        assertTrue(m.find(), asked);
        String ticket = m.group(1);
        new QuestionStore(hub.store, Clock.systemUTC(), WorkingDays.mondayToFriday(WebHub.ZONE))
                .answer(ticket, "officer-li", ANSWER).orElseThrow();

        HttpResponse<byte[]> typed = http.post("/services/status", form(csrf, "ticket", ticket, "phone", "13800138006"));
        assertEquals(200, typed.statusCode());
        String page = Http.text(typed);
        assertFalse(page.contains(ANSWER), "number and phone typed are not proof: " + page);
        OutboundSms sms = hub.nextSms();
        assertEquals("+8613800138006", sms.to());

        assertEquals(400, http.post("/services/status/confirm", form(csrf, "phone", Http.field(page, "phone"),
                "item", Http.field(page, "item"), "code", "000000".equals(code(sms)) ? "111111" : "000000")).statusCode());
        HttpResponse<byte[]> proven = http.post("/services/status/confirm", form(csrf, "phone", Http.field(page, "phone"),
                "item", Http.field(page, "item"), "code", code(sms)));
        assertEquals(200, proven.statusCode());
        assertTrue(Http.text(proven).contains(ANSWER), Http.text(proven));
        assertTrue(Http.text(proven).contains(ticket));

        HttpResponse<byte[]> other = http.post("/services/status", form(csrf, "ticket", ticket, "phone", "13800138998"));
        assertEquals(404, other.statusCode());
        assertEquals(null, hub.sms.poll(200, TimeUnit.MILLISECONDS), "no code for a phone that did not ask");
    }

    @Test
    void ticketLookUpsAreLimitedPerIpAddress() throws Exception {
        // From 127.0.0.2, so the budget of the other tests (all from 127.0.0.1) is untouched.
        HttpClient client = hub.vertx.createHttpClient(new HttpClientOptions().setLocalAddress("127.0.0.2"));
        int port = Integer.parseInt(hub.base().substring(hub.base().lastIndexOf(':') + 1));
        try {
            String[] cookieAndPage = new String[2];
            WebHub.await(client.request(new RequestOptions().setHost("127.0.0.1").setPort(port).setURI("/services/status"))
                    .compose(r -> r.send()).compose(resp -> {
                        cookieAndPage[0] = String.join("; ", resp.cookies().stream().map(c -> c.split(";")[0]).toList());
                        return resp.body();
                    }).map(page -> cookieAndPage[1] = page.toString(StandardCharsets.UTF_8)));
            String cookie = cookieAndPage[0];
            String csrf = Http.field(cookieAndPage[1], "csrf");
            String body = "csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&ticket=Q000000&phone=13800138997";
            int last = 0;
            int tries = 0;
            while (last != 429 && tries < 1_000) {
                tries++;
                last = WebHub.await(client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                        .setPort(port).setURI("/services/status")
                        .putHeader("Content-Type", "application/x-www-form-urlencoded").putHeader("Cookie", cookie))
                        .compose(r -> r.send(Buffer.buffer(body))).compose(r -> r.body().map(x -> r.statusCode())));
                assertTrue(last == 404 || last == 429, "status " + last);
            }
            assertEquals(429, last, "look-ups from one address are limited");
            assertEquals(201, tries, "the hub's per-IP limit is 200 an hour");
        } finally {
            WebHub.await(client.close());
        }
    }
}
