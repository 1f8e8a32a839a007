package org.sandian.channels.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.AgiScript;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.channels.voice.agi.FastAgiServer;
import org.sandian.channels.voice.emulated.KeypadCall;
import org.sandian.channels.voice.emulated.KeypadCall.Heard;
import org.sandian.channels.voice.emulated.KeypadCall.Kind;

/**
 * The keypad's call (Asterisk's side played for a person pressing keys) against the real FastAGI
 * server: the hotline walked key by key, and GET DATA answered with the keys typed.
 */
class KeypadCallTest {

    static VoiceChannel voice;

    @BeforeAll
    static void start() throws Exception {
        HubFixture hub = HubFixture.shared();
        VoiceOptions options = VoiceOptions.defaults(Files.createTempDirectory("voice-sounds")).withAgi("127.0.0.1", 0);
        voice = hub.deploy(options, new TranscriptSpeech());
    }

    private static List<String> said(KeypadCall call) {
        return call.heard().stream().filter(h -> h.kind() == Kind.PROMPT).map(h -> TranscriptSpeech.text(h.value())).toList();
    }

    @Test
    void aPersonWalksTheHotlineKeyByKeyAndHangsUp() throws Exception {
        KeypadCall call = KeypadCall.dial("127.0.0.1", voice.agiPort(), "+8613900007001", "kp.1", "zh", Duration.ofSeconds(30));
        call.settled().get(10, TimeUnit.SECONDS);
        assertTrue(call.waitingForKey());
        assertEquals("普通话请按一。", said(call).get(said(call).size() - 1));

        call.press("1").get(10, TimeUnit.SECONDS);
        assertTrue(said(call).get(said(call).size() - 1).startsWith("查价格请按一"), said(call).toString());
        // Typed ahead: 1 cuts nothing short (the main menu waits), then 2 and the pause pick maize.
        call.press("12").get(15, TimeUnit.SECONDS);
        assertTrue(said(call).stream().anyMatch(s -> s.startsWith("玉米最新价格")), said(call).toString());
        assertTrue(call.heard().contains(new Heard(Kind.NO_KEY, "")), "the pause after 2 ended the choice: " + call.heard());

        call.hangUp().get(10, TimeUnit.SECONDS);
        assertTrue(call.ended());
        assertTrue(call.heard().contains(new Heard(Kind.CALLER_HUNG_UP, "")), call.heard().toString());
        assertEquals(new Heard(Kind.ENDED, ""), call.heard().get(call.heard().size() - 1));
    }

    @Test
    void getDataIsAnsweredWithTheKeysTypedUpToHash() throws Exception {
        StringBuilder got = new StringBuilder();
        AgiScript script = (request, channel) -> {
            got.append(channel.getData("sandian/code", 2000, 4));
            channel.streamFile("sandian/thanks");
            channel.hangup();
        };
        FastAgiServer server = FastAgiServer.start("127.0.0.1", 0, 2, Map.of("hotline", script));
        try {
            KeypadCall call = KeypadCall.dial("127.0.0.1", server.port(), "+8613900007002", "kp.2", "zh", Duration.ofSeconds(30));
            call.settled().get(10, TimeUnit.SECONDS);
            assertEquals(List.of(new Heard(Kind.PROMPT, "sandian/code")), call.heard());
            call.press("101#").get(10, TimeUnit.SECONDS);
            assertTrue(call.ended(), call.heard().toString());
            assertEquals("101", got.toString());
            assertEquals(List.of(new Heard(Kind.PROMPT, "sandian/code"), new Heard(Kind.KEY, "1"), new Heard(Kind.KEY, "0"),
                    new Heard(Kind.KEY, "1"), new Heard(Kind.PROMPT, "sandian/thanks"), new Heard(Kind.HUB_HUNG_UP, ""),
                    new Heard(Kind.ENDED, "")), call.heard());
        } finally {
            server.stop();
        }
    }
}
