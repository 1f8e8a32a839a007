package org.sandian.ops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.ops.auth.ApiTokens;
import org.sandian.content.audit.AuditLog;
import org.sandian.content.audit.AuditRecord;
import org.sandian.ops.auth.Role;
import org.sandian.ops.testing.SharedHub;
import org.sandian.ops.testing.Wav;

/** The JSON API over real HTTP: bearer tokens, an officer's region scope, recorded messages for voice broadcasts. */
class ApiTest {

    static final HttpClient http = HttpClient.newHttpClient();
    static String qianjiangToken;

    @BeforeAll
    static void token() {
        SharedHub.officer("api-editor-qj", Role.EDITOR, "429005000000");
        qianjiangToken = new ApiTokens(SharedHub.get().store(), Clock.systemUTC()).create("api-editor-qj");
    }

    static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(SharedHub.url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutATokenTheApiAnswers401() throws Exception {
        HttpResponse<String> r = send("GET", "/api/broadcasts", null, null);
        assertEquals(401, r.statusCode());
        assertTrue(new JsonObject(r.body()).getString("error").contains("bearer"));
        assertEquals(401, send("GET", "/api/broadcasts", "sd_forged", null).statusCode());
    }

    @Test
    void aValidTokenListsBroadcasts() throws Exception {
        assertEquals(200, send("GET", "/api/broadcasts", qianjiangToken, null).statusCode());
    }

    @Test
    void aCountyOfficerCannotTargetAnotherCounty() throws Exception {
        String draft = """
                {"title":"长沙通知","texts":{"ZH":"测试"},"channels":["SMS"],
                 "audience":{"regions":["430100000000"]},"schedule":{"kind":"NOW"}}""";
        HttpResponse<String> r = send("POST", "/api/broadcasts", qianjiangToken, draft);
        assertEquals(403, r.statusCode(), r.body());
    }

    @Test
    void aCountyOfficerMayTargetHisOwnCounty() throws Exception {
        String draft = """
                {"title":"潜江通知","texts":{"ZH":"油菜播种时间到了"},"channels":["SMS"],
                 "audience":{"regions":["429005000000"]},"schedule":{"kind":"NOW"}}""";
        HttpResponse<String> r = send("POST", "/api/broadcasts", qianjiangToken, draft);
        assertEquals(201, r.statusCode(), r.body());
    }

    static HttpResponse<String> upload(byte[] file) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(SharedHub.url("/api/recordings")))
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).header("Content-Type", "audio/wav")
                .header("Authorization", "Bearer " + qianjiangToken).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aFileThatIsNotAPlayableWavRecordingIsRefusedWithItsReason() throws Exception {
        HttpResponse<String> text = upload("油菜播种时间到了".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, text.statusCode(), text.body());
        assertTrue(new JsonObject(text.body()).getString("error").contains("not a WAV file"), text.body());

        byte[] damaged = "RIFF\0\0\0\0WAVEthis is no sound at all".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> unreadable = upload(damaged);
        assertEquals(400, unreadable.statusCode(), unreadable.body());
        assertTrue(new JsonObject(unreadable.body()).getString("error").contains("cannot be read"), unreadable.body());

        HttpResponse<String> halfAMinute = upload(Wav.tone(48_000, 2, 30)); // studio stereo: 5.8 MB
        HttpResponse<String> tooLarge = upload(Wav.tone(48_000, 2, 60)); // 11.5 MB
        assertEquals(201, halfAMinute.statusCode(), "under the limit: " + halfAMinute.body());
        assertEquals(400, tooLarge.statusCode(), tooLarge.body());
        assertTrue(new JsonObject(tooLarge.body()).getString("error").contains("at most 10 MB"), tooLarge.body());
    }

    @Test
    void aWavRecordingIsConvertedForTheTelephoneAndADraftNamesItAsPartOfItsAuditedCreation() throws Exception {
        Instant before = Instant.now();
        HttpResponse<String> r = upload(Wav.tone(44_100, 2, 1.5));
        assertEquals(201, r.statusCode(), r.body());
        String name = new JsonObject(r.body()).getString("recording");
        assertTrue(Pattern.matches("broadcasts/[0-9a-f]{40}", name), name);
        byte[] stored = Files.readAllBytes(SharedHub.get().soundsDir().resolve(name + ".wav"));
        assertEquals(8_000, Wav.rate(stored), "8 kHz, as Asterisk plays it without transcoding");
        assertEquals(1, Wav.channels(stored));
        assertEquals(16, Wav.bits(stored));

        String draft = """
                {"title":"防汛录音","texts":{"ZH":"今晚有暴雨，请做好防汛准备"},"recordings":{"ZH":"%s"},
                 "channels":["VOICE"],"audience":{"regions":["429005000000"]},"schedule":{"kind":"NOW"}}""".formatted(name);
        HttpResponse<String> created = send("POST", "/api/broadcasts", qianjiangToken, draft);
        assertEquals(201, created.statusCode(), created.body());
        JsonObject b = new JsonObject(created.body());
        assertEquals(name, b.getJsonObject("recordings").getString("ZH"));
        AuditRecord audited = new AuditLog(SharedHub.get().store(), Clock.systemUTC())
                .find("api-editor-qj", "broadcast.create", before, Instant.now().plusSeconds(1), 50).stream()
                .filter(a -> a.target().equals("broadcast:" + b.getString("id"))).findFirst().orElseThrow();
        assertTrue(audited.after().contains("ZH=" + name), audited.after());
    }

    @Test
    void aDraftMayNameOnlyARecordingStoredForBroadcastsAndOnlyWithVoiceCalls() throws Exception {
        String name = new JsonObject(upload(Wav.tone(8_000, 1, 0.5)).body()).getString("recording");
        String voice = """
                {"title":"t","texts":{"ZH":"通知"},"recordings":{"ZH":"%s"},"channels":["%s"],
                 "audience":{"regions":["429005000000"]},"schedule":{"kind":"NOW"}}""";
        HttpResponse<String> question = send("POST", "/api/broadcasts", qianjiangToken,
                voice.formatted("questions/2026-01-01/q-1", "VOICE"));
        assertEquals(400, question.statusCode(), "a farmer's recorded question is never broadcast: " + question.body());
        assertTrue(new JsonObject(question.body()).getString("error").contains("no such recording"), question.body());
        HttpResponse<String> smsOnly = send("POST", "/api/broadcasts", qianjiangToken, voice.formatted(name, "SMS"));
        assertEquals(400, smsOnly.statusCode(), smsOnly.body());
        assertTrue(new JsonObject(smsOnly.body()).getString("error").contains("voice"), smsOnly.body());
    }
}
