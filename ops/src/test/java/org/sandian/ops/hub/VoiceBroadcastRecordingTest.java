package org.sandian.ops.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.channels.voice.FakeAmi;
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
 * A voice broadcast with a recorded message, end to end on a hub of its own: the recording uploaded
 * and the broadcast sent through the JSON API, the Originate received by a manager interface over a
 * real socket, and the answered leg's broadcast script run over the hub's real FastAGI port. The
 * Chinese listener hears the officer's recording; the English one, with no recording in English,
 * hears the English text through speech synthesis. Key 2 after the message subscribes the listener
 * to the broadcast's kind of message by SMS.
 */
class VoiceBroadcastRecordingTest {

    private static final String TOWNSHIP = "429005104000";
    private static final String ZH_FARMER = "+8613900005501";
    private static final String EN_FARMER = "+8613900005502";
    private static final HttpClient http = HttpClient.newHttpClient();
    private static FakeAmi ami;
    private static Hub hub;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        ami = new FakeAmi("s3cret");
        Map<String, String> env = new HashMap<>(Map.of("SANDIAN_HTTP_PORT", "0", "SANDIAN_AGI_PORT", "0",
                "SANDIAN_DATA_DIR", TestStore.tempDir().toString(), "SANDIAN_BROADCAST_REQUIRE_APPROVAL", "false"));
        env.putAll(Map.of("SANDIAN_AMI_HOST", "127.0.0.1", "SANDIAN_AMI_PORT", Integer.toString(ami.port()),
                "SANDIAN_AMI_USER", "sandian", "SANDIAN_AMI_SECRET", "s3cret"));
        hub = Hub.start(HubConfig.from(ConfigReader.load(null, env)), false);
        new UserStore(hub.store()).add(new User("voice-editor-qj", new PasswordHasher(1_000).hash("test-password-2026"),
                Role.EDITOR, "429005000000", 0, null, Instant.now(), false));
        token = new ApiTokens(hub.store(), Clock.systemUTC()).create("voice-editor-qj");
    }

    @AfterAll
    static void stop() throws Exception {
        if (hub != null) hub.stop();
        if (ami != null) ami.close();
    }

    private static HttpResponse<String> api(String method, String path, HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.httpPort() + "/api" + path))
                .method(method, body).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> json(String method, String path, String body) throws Exception {
        return api(method, path, HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void theCallPlaysTheRecordingOfTheListenersLanguageAndSpeaksTheTextWhereThereIsNone() throws Exception {
        for (String[] farmer : new String[][] {{ZH_FARMER, "ZH"}, {EN_FARMER, "EN"}}) {
            HttpResponse<String> s = json("PUT", "/subscribers/" + farmer[0], """
                    {"name":"农户","lang":"%s","regionCode":"%s","channels":["VOICE"]}""".formatted(farmer[1], TOWNSHIP));
            assertEquals(200, s.statusCode(), s.body());
        }
        HttpResponse<String> uploaded = api("POST", "/recordings", HttpRequest.BodyPublishers.ofByteArray(Wav.tone(16_000, 1, 2)));
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        String recording = new JsonObject(uploaded.body()).getString("recording");

        HttpResponse<String> created = json("POST", "/broadcasts", """
                {"title":"防汛","texts":{"ZH":"今晚有暴雨，请做好防汛准备。","EN":"Heavy rain tonight: prepare for floods."},
                 "recordings":{"ZH":"%s"},"channels":["VOICE"],"audience":{"regions":["%s"]},
                 "schedule":{"kind":"NOW"}}""".formatted(recording, TOWNSHIP));
        assertEquals(201, created.statusCode(), created.body());
        String id = new JsonObject(created.body()).getString("id");
        HttpResponse<String> submitted = json("POST", "/broadcasts/" + id + "/submit", "");
        assertEquals(200, submitted.statusCode(), submitted.body());

        Map<String, String> firstSound = new HashMap<>();
        for (int call = 0; call < 2; call++) {
            FakeAmi.Packet originate = ami.nextOriginate(30_000);
            assertNotNull(originate, "call " + (call + 1) + " of the broadcast was originated");
            Map<String, String> vars = BroadcastCallLeg.variables(originate);
            assertEquals(id, vars.get("SANDIAN_BROADCAST"));
            String uniqueId = "77." + call;
            ami.originateResponse(originate, true, 4, uniqueId);
            String callee = vars.get("SANDIAN_CALLEE");
            firstSound.put(callee, BroadcastCallLeg.answer(hub.agiPort(), vars, uniqueId, ZH_FARMER.equals(callee)));
            ami.hangup(uniqueId, originate.get("Channel") + "-0000007" + call);
        }

        String sounds = hub.soundsDir().toAbsolutePath().normalize().toString();
        assertEquals(sounds + "/" + recording, firstSound.get(ZH_FARMER), "the officer's recording, not speech");
        assertTrue(firstSound.get(EN_FARMER).startsWith(sounds + "/tts/"), "no English recording: the English text is spoken, "
                + firstSound.get(EN_FARMER));

        JsonObject zh = new JsonObject(api("GET", "/subscribers/" + ZH_FARMER, HttpRequest.BodyPublishers.noBody()).body());
        assertTrue(zh.getJsonArray("channels").contains("SMS"), "key 2: these by SMS too, " + zh);
        assertTrue(zh.getJsonArray("topics").contains("notices"), "the broadcast's kind of message: " + zh);
        JsonObject en = new JsonObject(api("GET", "/subscribers/" + EN_FARMER, HttpRequest.BodyPublishers.noBody()).body());
        assertTrue(!en.getJsonArray("channels").contains("SMS"), "no key pressed: no SMS, " + en);
    }
}
