package org.sandian.ops.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.content.answer.Channel;
import org.sandian.content.answer.Intent;
import org.sandian.content.model.Lang;
import org.sandian.content.questions.Question;
import org.sandian.content.questions.QuestionStore;
import org.sandian.content.questions.WorkingDays;
import org.sandian.ops.auth.Role;
import org.sandian.ops.testing.SharedHub;

/** A question left on the hotline is playable on its page, for officers of its region only. */
class QuestionRecordingTest {

    private static final byte[] WAV = "RIFF....WAVEfmt fake sound of a farmer asking".getBytes();
    private static Question spoken;

    @BeforeAll
    static void aSpokenQuestion() throws Exception {
        SharedHub.officer("rec-agent-qj", Role.AGENT, "429005000000");
        SharedHub.officer("rec-agent-hn", Role.AGENT, "430000000000");
        Path dir = SharedHub.get().soundsDir().resolve("questions").resolve("2026-12-02");
        Files.createDirectories(dir);
        Path file = dir.resolve("q-1764662400.77");
        Files.write(Path.of(file + ".wav"), WAV);
        QuestionStore store = new QuestionStore(SharedHub.get().store(), Clock.systemUTC(),
                WorkingDays.mondayToFriday(ZoneId.of("Asia/Shanghai")));
        spoken = store.create(Intent.ASK, "+8613800000088", Channel.VOICE, "", file.toAbsolutePath().toString(),
                "429005101001", Lang.ZH);
    }

    private static HttpClient signedIn(String name) throws Exception {
        ConsoleClient client = new ConsoleClient();
        client.login(name, SharedHub.PASSWORD);
        return client.http();
    }

    @Test
    void theCountysAgentHearsTheRecordingOnTheQuestionsPage() throws Exception {
        ConsoleClient client = new ConsoleClient();
        client.login("rec-agent-qj", SharedHub.PASSWORD);
        String page = client.get("/console/questions/" + spoken.number()).body();
        assertTrue(page.contains("<audio id=\"recording\""), page);
        HttpResponse<byte[]> sound = client.http().send(HttpRequest.newBuilder(
                URI.create(SharedHub.url("/console/questions/" + spoken.number() + "/recording"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, sound.statusCode());
        assertEquals("audio/wav", sound.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(WAV, sound.body());
    }

    @Test
    void anAgentOfAnotherProvinceGetsNothing() throws Exception {
        HttpResponse<byte[]> sound = signedIn("rec-agent-hn").send(HttpRequest.newBuilder(
                URI.create(SharedHub.url("/console/questions/" + spoken.number() + "/recording"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(404, sound.statusCode(), sound.headers().map() + " " + new String(sound.body()).substring(0,
                Math.min(300, sound.body().length)));
    }
}
