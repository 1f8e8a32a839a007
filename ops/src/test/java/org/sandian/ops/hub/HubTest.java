package org.sandian.ops.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.ops.testing.SharedHub;

/** A demo hub on a free port over the embedded store, checked over real HTTP. */
class HubTest {

    static Hub hub;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        hub = SharedHub.get();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readyLineNamesPortsAndStore() {
        assertTrue(hub.readyLine().matches("sandian ready http=\\d+ agi=\\d+ store=embedded"), hub.readyLine());
    }

    @Test
    void healthNamesEachComponentAndItsState() throws Exception {
        HttpResponse<String> r = get("/health");
        assertEquals(200, r.statusCode());
        JsonObject components = new JsonObject(r.body()).getJsonObject("components");
        assertEquals("UP", components.getJsonObject("store").getString("state"));
        assertEquals("UP", components.getJsonObject("content").getString("state"));
        assertTrue(components.getJsonObject("content").getString("detail").matches("[1-9]\\d* commodities published"),
                "demo data loaded: " + components);
    }
}
