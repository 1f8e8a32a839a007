package org.sandian.ops.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.channels.voice.FakeAmi;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;
import org.sandian.ops.auth.ApiTokens;
import org.sandian.ops.auth.PasswordHasher;
import org.sandian.ops.auth.Role;
import org.sandian.ops.auth.User;
import org.sandian.ops.auth.UserStore;
import org.sandian.ops.config.ConfigReader;
import org.sandian.ops.config.HubConfig;
import org.sandian.ops.testing.BroadcastCallLeg;
import org.sandian.ops.testing.Wav;

/**
 * Two hubs over one store, each with its own sounds directory (issue 8): the officer's recording is
 * uploaded through hub A, which then stops; hub B places the broadcast call, and its broadcast
 * script, over B's real FastAGI port, streams the recording (fetched from the store), not speech.
 */
class SharedRecordingTest {

    private static final String TOWNSHIP = "429005105000";
    private static final String FARMER = "+8613900005601";
    private static final HttpClient http = HttpClient.newHttpClient();
    private static MongoStore store;
    private static FakeAmi ami;
    private static Hub hubA;
    private static Hub hubB;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        store = TestStore.open();
        ami = new FakeAmi("s3cret");
        hubA = Hub.start(HubConfig.from(ConfigReader.load(null, env(false))), false);
        hubB = Hub.start(HubConfig.from(ConfigReader.load(null, env(true))), false);
        new UserStore(store).add(new User("shared-editor-qj", new PasswordHasher(1_000).hash("test-password-2026"),
                Role.EDITOR, "429005000000", 0, null, Instant.now(), false));
        token = new ApiTokens(store, Clock.systemUTC()).create("shared-editor-qj");
    }

    private static Map<String, String> env(boolean calls) {
        Map<String, String> env = new HashMap<>(Map.of("SANDIAN_HTTP_PORT", "0", "SANDIAN_AGI_PORT", "0",
                "SANDIAN_DATA_DIR", TestStore.tempDir().toString(), "SANDIAN_MONGO_URI", store.connectionString(),
                "SANDIAN_AGI_TTS", "false", "SANDIAN_BROADCAST_REQUIRE_APPROVAL", "false"));
        if (calls) {
            env.putAll(Map.of("SANDIAN_AMI_HOST", "127.0.0.1", "SANDIAN_AMI_PORT", Integer.toString(ami.port()),
                    "SANDIAN_AMI_USER", "sandian", "SANDIAN_AMI_SECRET", "s3cret"));
        }
        return env;
    }

    @AfterAll
    static void stop() throws Exception {
        if (hubA != null) hubA.stop();
        if (hubB != null) hubB.stop();
        if (ami != null) ami.close();
        if (store != null) store.close();
    }

    private static HttpResponse<String> api(Hub hub, String method, String path, HttpRequest.BodyPublisher body)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.httpPort() + "/api" + path))
                .method(method, body).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRecordingUploadedThroughOneHubIsStreamedByACallOfTheOther() throws Exception {
        HttpResponse<String> uploaded = api(hubA, "POST", "/recordings", HttpRequest.BodyPublishers.ofByteArray(Wav.tone(16_000, 1, 2)));
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        String recording = new JsonObject(uploaded.body()).getString("recording");
        byte[] atA = Files.readAllBytes(hubA.soundsDir().resolve(recording + ".wav"));
        hubA.stop();
        hubA = null;
        Path atB = hubB.soundsDir().resolve(recording + ".wav");
        assertFalse(Files.exists(atB), "hub B never saw the upload");

        HttpResponse<String> s = api(hubB, "PUT", "/subscribers/" + FARMER, HttpRequest.BodyPublishers.ofString("""
                {"name":"农户","lang":"ZH","regionCode":"%s","channels":["VOICE"]}""".formatted(TOWNSHIP)));
        assertEquals(200, s.statusCode(), s.body());
        HttpResponse<String> created = api(hubB, "POST", "/broadcasts", HttpRequest.BodyPublishers.ofString("""
                {"title":"防汛","texts":{"ZH":"今晚有暴雨，请做好防汛准备。"},"recordings":{"ZH":"%s"},
                 "channels":["VOICE"],"audience":{"regions":["%s"]},"schedule":{"kind":"NOW"}}"""
                .formatted(recording, TOWNSHIP)));
        assertEquals(201, created.statusCode(), "hub B accepts a recording stored by hub A: " + created.body());
        String id = new JsonObject(created.body()).getString("id");
        HttpResponse<String> submitted = api(hubB, "POST", "/broadcasts/" + id + "/submit", HttpRequest.BodyPublishers.noBody());
        assertEquals(200, submitted.statusCode(), submitted.body());

        FakeAmi.Packet originate = ami.nextOriginate(30_000);
        assertNotNull(originate, "hub B placed the call");
        Map<String, String> vars = BroadcastCallLeg.variables(originate);
        ami.originateResponse(originate, true, 4, "78.1");
        String played = BroadcastCallLeg.answer(hubB.agiPort(), vars, "78.1", false);
        ami.hangup("78.1", originate.get("Channel") + "-00000081");

        assertEquals(hubB.soundsDir().toAbsolutePath().normalize() + "/" + recording, played,
                "the officer's recording from B's own sounds directory, not speech");
        assertArrayEquals(atA, Files.readAllBytes(atB), "the very sound hub A converted");
    }
}
