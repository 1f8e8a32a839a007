package org.sandian.ops.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Metrics;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Vert.x server with the metrics route on a free port, scraped over real HTTP. */
/** Test meters carry "test" in their names: the global registry is shared with the hub tests of this JVM. */
class HubMetricsTest {

    HubMetrics metrics;
    Vertx vertx;
    HttpServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        metrics = HubMetrics.start();
        vertx = metrics.vertx(new VertxOptions());
        Router router = Router.router(vertx);
        router.get("/prices/:commodity").handler(rc -> rc.response().end("2.35 元/公斤"));
        metrics.mount(router);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        metrics.close();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void channelMetersFromTheGlobalRegistryAndVertxHttpAndEventBusMetricsAreScraped() throws Exception {
        // What a channel does, knowing nothing of ops.
        Metrics.counter("sandian.test.mo", "channel", "sms").increment();
        Metrics.counter("sandian.test.mo", "channel", "sms").increment();
        Metrics.timer("sandian.test.mo.latency", "channel", "sms").record(Duration.ofMillis(120));
        AtomicInteger activeCalls = Metrics.gauge("sandian.test.calls.active", new AtomicInteger(3));
        assertEquals(200, get("/prices/%E7%8E%89%E7%B1%B3").statusCode());
        vertx.eventBus().<String>consumer("sandian.test.answer", m -> m.reply("2.35"));
        assertEquals("2.35", vertx.eventBus().request("sandian.test.answer", "价格 玉米")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).body());

        HttpResponse<String> r = get("/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/plain"), r.headers().toString());
        String body = r.body();
        assertTrue(body.contains("sandian_test_mo_total{app=\"sandian\",channel=\"sms\"} 2.0"), body);
        assertTrue(body.contains("sandian_test_mo_latency_seconds_count{app=\"sandian\",channel=\"sms\"} 1"), body);
        // Buckets for histogram_quantile: the 120 ms sample is above the 0.111848106 s bound, below +Inf.
        assertTrue(body.matches("(?s).*sandian_test_mo_latency_seconds_bucket\\{app=\"sandian\",channel=\"sms\",le=\"0\\.111848106\"} 0\n.*"), body);
        assertTrue(body.contains("sandian_test_mo_latency_seconds_bucket{app=\"sandian\",channel=\"sms\",le=\"+Inf\"} 1"), body);
        assertTrue(body.contains("sandian_test_calls_active{app=\"sandian\"} 3.0"), body);
        assertTrue(body.matches("(?s).*vertx_http_server_requests_total\\{[^}]*route=\"/prices/:commodity\"[^}]*} 1\\.0.*"), body);
        assertTrue(body.contains("vertx_http_server_response_time_seconds"), body);
        assertTrue(body.contains("jvm_memory_used_bytes"), body);
        assertTrue(body.contains("vertx_eventbus_sent_total{app=\"sandian\",side=\"local\"} 1.0"), body);
        assertTrue(body.contains("vertx_eventbus_handlers{app=\"sandian\"} 1.0"), body);
        assertEquals(3, activeCalls.get(), "the gauge's object is held here: gauges keep only a weak reference");
    }

    @Test
    void aClosedHubsRegistryNoLongerReceivesGlobalMeters() {
        HubMetrics other = HubMetrics.start();
        other.close();
        Metrics.counter("sandian.test.mt", "channel", "sms").increment();
        assertEquals(1.0, metrics.registry().get("sandian.test.mt").counter().count());
        assertTrue(other.registry().find("sandian.test.mt").counters().isEmpty());
    }
}
