package org.sandian.ops.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.sandian.channels.voice.speech.SharedSounds;
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
    private static final byte[] ELSEWHERE = "RIFF....WAVEfmt a question taken by another hub".getBytes();
    private static Question spoken;
    private static Question spokenElsewhere;

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

        // Another hub of the cluster took this call: the file is in its sounds directory and the store only.
        SharedSounds otherHub = new SharedSounds(Files.createTempDirectory("other-hub-sounds"), SharedHub.get().store());
        Path other = Files.createDirectories(otherHub.dir().resolve("questions").resolve("2026-12-02"));
        Path otherFile = other.resolve("q-1764662401.5.wav");
        Files.write(otherFile, ELSEWHERE);
        otherHub.share(SharedSounds.questionName(otherFile.toString()));
        spokenElsewhere = store.create(Intent.ASK, "+8613800000089", Channel.VOICE, "", otherFile.toString(),
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
    void aRecordingTakenByAnotherHubIsServedFromTheStore() throws Exception {
        assertFalse(Files.exists(SharedHub.get().soundsDir().resolve("questions/2026-12-02/q-1764662401.5.wav")));
        HttpResponse<byte[]> sound = signedIn("rec-agent-qj").send(HttpRequest.newBuilder(
                URI.create(SharedHub.url("/console/questions/" + spokenElsewhere.number() + "/recording"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, sound.statusCode(), new String(sound.body()));
        assertEquals("audio/wav", sound.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(ELSEWHERE, sound.body());
        assertTrue(Files.exists(SharedHub.get().soundsDir().resolve("questions/2026-12-02/q-1764662401.5.wav")),
                "kept in this hub's sounds directory for the next time");
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
