package org.sandian.ops.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sandian.channels.sms.sim.SimOptions;
import org.sandian.channels.sms.sim.SmscSimulator;
import org.sandian.content.testing.TestStore;
import org.sandian.ops.config.ConfigReader;
import org.sandian.ops.config.HubConfig;
import org.sandian.ops.hub.Hub;

/**
 * /ready over real HTTP: 200 only while every configured part works (store, SMPP bind, manager
 * interface, text to speech); parts not configured are OFF and do not hold it back.
 */
class ReadinessTest {

    private static final HttpClient http = HttpClient.newHttpClient();

    private static Hub start(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("SANDIAN_HTTP_PORT", "0", "SANDIAN_AGI_PORT", "0",
                "SANDIAN_DATA_DIR", TestStore.tempDir().toString()));
        env.putAll(extra);
        return Hub.start(HubConfig.from(ConfigReader.load(null, env)), false);
    }

    private static Map<String, String> smsc(SmscSimulator sim) {
        return Map.of("SANDIAN_SMPP_HOST", "127.0.0.1", "SANDIAN_SMPP_PORT", Integer.toString(sim.port()),
                "SANDIAN_SMPP_SYSTEM_ID", "sandian", "SANDIAN_SMPP_PASSWORD", "secret");
    }

    private static HttpResponse<String> ready(Hub hub) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.httpPort() + "/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String state(HttpResponse<String> r, String component) {
        return new JsonObject(r.body()).getJsonObject("components").getJsonObject(component).getString("state");
    }

    /** The /ready answer once {@code component} has reached {@code state} (binds take a moment). */
    private static HttpResponse<String> readyWhen(Hub hub, String component, String state) throws Exception {
        long end = System.currentTimeMillis() + 15_000;
        HttpResponse<String> r = ready(hub);
        while (!state.equals(state(r, component)) && System.currentTimeMillis() < end) {
            Thread.sleep(50);
            r = ready(hub);
        }
        return r;
    }

    @Test
    void readyWhileBoundAndSpeakingThenNotReadyOnceTheSmscIsGone() throws Exception {
        SmscSimulator sim = SmscSimulator.start(SimOptions.on(freePort()));
        Hub hub = start(smsc(sim));
        try {
            HttpResponse<String> r = readyWhen(hub, "sms", "UP");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("UP", state(r, "store"));
            assertEquals("UP", state(r, "tts"), "espeak-ng and sox are installed here: " + r.body());
            assertEquals("OFF", state(r, "ami"));
            assertEquals("OFF", state(r, "cluster"));

            sim.close();
            r = readyWhen(hub, "sms", "DOWN");
            assertEquals(503, r.statusCode(), r.body());
            assertEquals("not-ready", new JsonObject(r.body()).getString("status"));
        } finally {
            hub.stop();
            sim.close();
        }
    }

    @Test
    void aManagerInterfaceThatCannotBeReachedKeepsTheHubNotReady() throws Exception {
        Hub hub = start(Map.of("SANDIAN_AMI_HOST", "127.0.0.1", "SANDIAN_AMI_PORT", Integer.toString(freePort()),
                "SANDIAN_AMI_USER", "sandian", "SANDIAN_AMI_SECRET", "secret", "SANDIAN_AGI_TTS", "false"));
        try {
            HttpResponse<String> r = ready(hub);
            assertEquals(503, r.statusCode(), r.body());
            assertEquals("DOWN", state(r, "ami"));
            assertTrue(new JsonObject(r.body()).getJsonObject("components").getJsonObject("ami").getString("detail")
                    .contains("127.0.0.1:"), r.body());
            assertEquals("OFF", state(r, "tts"));
            assertEquals("OFF", state(r, "sms"));
        } finally {
            hub.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
