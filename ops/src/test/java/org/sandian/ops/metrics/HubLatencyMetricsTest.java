package org.sandian.ops.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sandian.channels.sms.sim.SmscSimulator;
import org.sandian.ops.auth.ApiTokens;
import org.sandian.ops.auth.Role;
import org.sandian.ops.testing.SharedHub;

/**
 * The demo hub's own /metrics after real traffic: an SMS exchange through its SMSC simulator moves
 * the MO and MT latency timers, a broadcast approved over the API moves the broadcast counter, and
 * the outbox depth gauges, store and HTTP timers are there. Only real meters are read (none is
 * made here); counts are compared before and after, since the registry is shared with other tests.
 */
class HubLatencyMetricsTest {

    static final HttpClient http = HttpClient.newHttpClient();
    static final String FARMER = "8613800000919";
    static final String VILLAGE = "429005177001";

    static String scrape() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(SharedHub.url("/metrics"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The sum of every series of {@code name} whose labels contain all of {@code labels}. */
    static double sum(String metrics, String name, String... labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(metrics);
        double total = 0;
        while (m.find()) {
            boolean all = true;
            for (String l : labels) all &= m.group(1).contains(l);
            if (all) total += Double.parseDouble(m.group(2));
        }
        return total;
    }

    static String awaitScrape(Predicate<String> done, long seconds) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String metrics = scrape();
        while (!done.test(metrics) && System.nanoTime() < until) {
            Thread.sleep(100);
            metrics = scrape();
        }
        return metrics;
    }

    static HttpResponse<String> api(String method, String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(SharedHub.url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anSmsExchangeMovesTheMoAndMtLatencyTimers() throws Exception {
        SmscSimulator sim = SharedHub.get().demoSmsc();
        assertNotNull(sim, "the demo hub runs its own SMSC simulator");
        Set<String> replies = ConcurrentHashMap.newKeySet();
        sim.onMessage(m -> {
            if (m.to().endsWith(FARMER)) replies.add(m.text());
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (sim.boundSessions() == 0 && System.nanoTime() < deadline) Thread.sleep(50);
        String before = scrape();
        double mo = sum(before, "sandian_mo_latency_seconds_count", "channel=\"sms\"");
        double mt = sum(before, "sandian_mt_latency_seconds_count", "channel=\"sms\"");

        sim.injectMo(FARMER, "12316", "价格玉米", 8);
        while (replies.isEmpty() && System.nanoTime() < deadline) Thread.sleep(50);
        assertTrue(!replies.isEmpty(), "a reply reached the simulator");

        // SUBMITTED is published once the submit result is stored, a moment after the handset has it
        String after = awaitScrape(s -> sum(s, "sandian_mt_latency_seconds_count", "channel=\"sms\"") > mt, 15);
        String sandian = after.lines().filter(l -> l.startsWith("sandian_") && !l.contains("_bucket"))
                .collect(Collectors.joining("\n"));
        assertTrue(sum(after, "sandian_mo_latency_seconds_count", "channel=\"sms\"") > mo, sandian);
        assertTrue(sum(after, "sandian_mt_latency_seconds_count", "channel=\"sms\"") > mt, sandian);
        assertTrue(sum(after, "sandian_mo_latency_seconds_sum", "channel=\"sms\"") > 0, sandian);
        // buckets, for histogram_quantile across hubs
        assertTrue(sum(after, "sandian_mt_latency_seconds_bucket", "le=\"+Inf\"") > mt, sandian);
        assertTrue(sum(after, "sandian_mo_latency_seconds_bucket", "le=\"+Inf\"") > mo, sandian);
        assertTrue(after.matches("(?s).*\nsandian_outbox_depth\\{[^}]*outbox=\"sms\"[^}]*} \\d.*"), sandian);
        assertTrue(after.matches("(?s).*\nsandian_outbox_depth\\{[^}]*outbox=\"broadcast\"[^}]*} \\d.*"), sandian);
        // the store and HTTP timers that were already there
        assertTrue(sum(after, "mongodb_driver_commands_seconds_count", "collection=\"sms_mt\"") > 0, "store timer");
        assertTrue(sum(after, "vertx_http_server_response_time_seconds_count", "route=\"/metrics\"") > 0, "HTTP timer");
    }

    @Test
    void aBroadcastMovesTheBroadcastEntriesCounter() throws Exception {
        SharedHub.officer("metrics-editor", Role.EDITOR, "429005000000");
        SharedHub.officer("metrics-reviewer", Role.REVIEWER, "429005000000");
        ApiTokens tokens = new ApiTokens(SharedHub.get().store(), Clock.systemUTC());
        String editor = tokens.create("metrics-editor");
        String reviewer = tokens.create("metrics-reviewer");
        for (String phone : List.of("+8613700009101", "+8613700009102", "+8613700009103")) {
            HttpResponse<String> r = api("PUT", "/api/subscribers/" + phone, editor,
                    "{\"name\":\"测试\",\"lang\":\"ZH\",\"regionCode\":\"" + VILLAGE + "\",\"channels\":[\"SMS\"]}");
            assertEquals(200, r.statusCode(), r.body());
        }
        double before = sum(scrape(), "sandian_broadcast_entries_total", "channel=\"sms\"", "state=\"submitted\"");

        HttpResponse<String> created = api("POST", "/api/broadcasts", editor, """
                {"title":"指标测试","texts":{"ZH":"指标测试通知"},"channels":["SMS"],
                 "audience":{"regions":["429005177000"]},"schedule":{"kind":"NOW"}}""");
        assertEquals(201, created.statusCode(), created.body());
        String id = new JsonObject(created.body()).getString("id");
        assertEquals(200, api("POST", "/api/broadcasts/" + id + "/submit", editor, null).statusCode());
        HttpResponse<String> approved = api("POST", "/api/broadcasts/" + id + "/approve", reviewer, null);
        assertEquals(200, approved.statusCode(), approved.body());

        String after = awaitScrape(s -> sum(s, "sandian_broadcast_entries_total", "channel=\"sms\"",
                "state=\"submitted\"") >= before + 3, 30);
        assertTrue(sum(after, "sandian_broadcast_entries_total", "channel=\"sms\"", "state=\"submitted\"") >= before + 3,
                after.lines().filter(l -> l.startsWith("sandian_broadcast")).collect(Collectors.joining("\n")));
    }
}
