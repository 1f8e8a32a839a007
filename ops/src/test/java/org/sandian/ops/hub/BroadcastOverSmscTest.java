package org.sandian.ops.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.channels.sms.sim.SmscSimulator;
import org.sandian.ops.auth.ApiTokens;
import org.sandian.ops.auth.Role;
import org.sandian.ops.testing.SharedHub;

/**
 * Broadcasts through the JSON API, approved by a second officer, and counted where they land: at
 * the demo hub's SMSC simulator (100 submits a second). Rapeseed growers of one township who read
 * Chinese get it once, and nobody else; paused mid-run nothing goes until it resumes, then everyone
 * once; cancelled mid-run nothing more goes.
 */
class BroadcastOverSmscTest {

    private static final String TOWNSHIP = "429005121000";
    private static final String VILLAGE = "429005121001";
    private static final String NEXT_TOWNSHIP_VILLAGE = "429005122001";
    private static final String RAPESEED = "106";
    private static final HttpClient http = HttpClient.newHttpClient();
    private static String editor;
    private static String reviewer;

    @BeforeAll
    static void tokens() {
        SharedHub.officer("target-editor-qj", Role.EDITOR, "429005000000");
        SharedHub.officer("target-reviewer-qj", Role.REVIEWER, "429005000000");
        ApiTokens tokens = new ApiTokens(SharedHub.get().store(), Clock.systemUTC());
        editor = tokens.create("target-editor-qj");
        reviewer = tokens.create("target-reviewer-qj");
    }

    private static HttpResponse<String> api(String method, String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(SharedHub.url("/api" + path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void farmer(String phone, String lang, String region, String crop) throws Exception {
        HttpResponse<String> r = api("PUT", "/subscribers/" + phone, editor, """
                {"name":"农户","lang":"%s","regionCode":"%s","crops":["%s"],"channels":["SMS"]}"""
                .formatted(lang, region, crop));
        assertEquals(200, r.statusCode(), r.body());
    }

    private static long received(SmscSimulator sim, String phone, String text) {
        return sim.messages().stream().filter(m -> m.to().equals(phone.substring(1)) && m.text().contains(text)).count();
    }

    @Test
    void rapeseedGrowersOfOneTownshipWhoReadChineseGetItOnceAndNobodyElse() throws Exception {
        SmscSimulator sim = SharedHub.get().demoSmsc();
        String[] target = {"+8613700121001", "+8613700121002", "+8613700121003"};
        for (String p : target) farmer(p, "ZH", VILLAGE, RAPESEED);
        String english = "+8613700121004";
        String rice = "+8613700121005";
        String nextTownship = "+8613700121006";
        String stopped = "+8613700121007";
        farmer(english, "EN", VILLAGE, RAPESEED);
        farmer(rice, "ZH", VILLAGE, "101");
        farmer(nextTownship, "ZH", NEXT_TOWNSHIP_VILLAGE, RAPESEED);
        farmer(stopped, "ZH", VILLAGE, RAPESEED);
        sim.injectMo(stopped.substring(1), "12316", "TD", 0);
        assertTrue(await(() -> "STOPPED".equals(new JsonObject(api("GET", "/subscribers/" + stopped, editor, null).body())
                .getString("status")), 20_000), "TD took effect");

        String text = "No." + System.nanoTime() % 100_000; // in both languages' texts: any copy counts
        HttpResponse<String> created = api("POST", "/broadcasts", editor, """
                {"title":"油菜追肥","texts":{"ZH":"油菜追肥提醒 %s","EN":"Top-dress rapeseed %s"},"channels":["SMS"],
                 "audience":{"regions":["%s"],"crops":["%s"],"langs":["ZH"]},"schedule":{"kind":"NOW"}}"""
                .formatted(text, text, TOWNSHIP, RAPESEED));
        assertEquals(201, created.statusCode(), created.body());
        String id = new JsonObject(created.body()).getString("id");
        JsonObject estimate = new JsonObject(api("GET", "/broadcasts/" + id + "/estimate", editor, null).body());
        JsonObject counted = estimate.getJsonObject("recipients");
        assertEquals(3, counted.getInteger("ZH", 0), "counted before sending: " + estimate);
        assertEquals(0, counted.getInteger("EN", 0), "counted before sending: " + estimate);
        assertEquals(200, api("POST", "/broadcasts/" + id + "/submit", editor, null).statusCode());
        Thread.sleep(1_000);
        assertEquals("SUBMITTED", new JsonObject(api("GET", "/broadcasts/" + id, editor, null).body()).getString("state"));
        assertEquals(0, received(sim, target[0], text), "nothing is sent before a reviewer approves");
        assertEquals(403, api("POST", "/broadcasts/" + id + "/approve", editor, null).statusCode(),
                "an editor cannot approve");
        HttpResponse<String> approved = api("POST", "/broadcasts/" + id + "/approve", reviewer, null);
        assertEquals(200, approved.statusCode(), approved.body());

        assertTrue(await(() -> {
            for (String p : target) if (received(sim, p, text) == 0) return false;
            return true;
        }, 30_000), "every target reached");
        Thread.sleep(1_000); // a second copy, or a message to someone else, would arrive now
        for (String p : target) assertEquals(1, received(sim, p, text), p + " once");
        for (String p : Map.of("english", english, "rice", rice, "next township", nextTownship, "stopped", stopped).values()) {
            assertEquals(0, received(sim, p, text), p + " is not in the audience");
        }
    }

    /** {@code n} Chinese readers imported in one CSV into {@code village}: their phones. */
    private static List<String> imported(String prefix, int n, String village) throws Exception {
        StringBuilder csv = new StringBuilder("phone,name,lang,region,channels\n");
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String phone = prefix + String.format("%04d", i);
            phones.add(phone);
            csv.append(phone).append(",农户,ZH,").append(village).append(",SMS\n");
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(SharedHub.url("/api/subscribers/import")))
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + editor).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body().substring(0, Math.min(300, r.body().length())));
        return phones;
    }

    /** A broadcast to {@code township} with {@code text}, submitted and approved: its id. */
    private static String sent(String township, String text) throws Exception {
        HttpResponse<String> created = api("POST", "/broadcasts", editor, """
                {"title":"通知","texts":{"ZH":"%s"},"channels":["SMS"],"audience":{"regions":["%s"]},"schedule":{"kind":"NOW"}}"""
                .formatted(text, township));
        assertEquals(201, created.statusCode(), created.body());
        String id = new JsonObject(created.body()).getString("id");
        assertEquals(200, api("POST", "/broadcasts/" + id + "/submit", editor, null).statusCode());
        assertEquals(200, api("POST", "/broadcasts/" + id + "/approve", reviewer, null).statusCode());
        return id;
    }

    private static long reached(SmscSimulator sim, List<String> phones, String text) {
        Set<String> wanted = new HashSet<>();
        for (String p : phones) wanted.add(p.substring(1));
        return sim.messages().stream().filter(m -> wanted.contains(m.to()) && m.text().contains(text)).count();
    }

    /** A broadcast to 400 farmers of a township of its own, sent, with 40 of them reached. */
    private record UnderWay(SmscSimulator sim, List<String> phones, String text, String id) {
        long reached() {
            return BroadcastOverSmscTest.reached(sim, phones, text);
        }
    }

    private static UnderWay underWay(String phonePrefix, String township, String text) throws Exception {
        SmscSimulator sim = SharedHub.get().demoSmsc();
        List<String> phones = imported(phonePrefix, 400, township.substring(0, 9) + "001");
        String tagged = text + " No." + System.nanoTime() % 100_000;
        UnderWay run = new UnderWay(sim, phones, tagged, sent(township, tagged));
        assertTrue(await(() -> run.reached() >= 40, 30_000), "under way");
        return run;
    }

    @Test
    void pausedMidRunNothingGoesUntilItResumesThenEveryoneOnce() throws Exception {
        UnderWay run = underWay("+861370123", "429005123000", "霜冻预警");
        assertEquals(200, api("POST", "/broadcasts/" + run.id() + "/pause", editor, null).statusCode());
        Thread.sleep(500); // what was already handed to the SMS channel goes
        long atPause = run.reached();
        Thread.sleep(1_500);
        assertEquals(atPause, run.reached(), "nothing goes while paused");
        assertTrue(atPause < 400, "paused mid-run: " + atPause);
        assertEquals(200, api("POST", "/broadcasts/" + run.id() + "/resume", editor, null).statusCode());
        assertTrue(await(() -> run.reached() >= 400, 30_000), "everyone after resuming");
        Thread.sleep(1_000);
        assertEquals(400, run.reached(), "once each");
        assertEquals(400, run.sim().messages().stream().filter(m -> m.text().contains(run.text())).map(m -> m.to())
                .distinct().count());
    }

    @Test
    void cancelledMidRunNothingMoreGoes() throws Exception {
        UnderWay run = underWay("+861370124", "429005124000", "寒潮预警");
        assertEquals(200, api("POST", "/broadcasts/" + run.id() + "/cancel", editor, null).statusCode());
        Thread.sleep(500);
        long atCancel = run.reached();
        Thread.sleep(2_000);
        assertEquals(atCancel, run.reached(), "nothing more after the cancel");
        assertTrue(atCancel < 400, "cancelled mid-run: " + atCancel);
        assertEquals("CANCELLED", new JsonObject(api("GET", "/broadcasts/" + run.id(), editor, null).body()).getString("state"));
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static boolean await(Check c, long millis) throws Exception {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (c.holds()) return true;
            Thread.sleep(50);
        }
        return false;
    }
}
