package org.sandian.ops.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sandian.broadcast.subscriber.Subscriber;
import org.sandian.broadcast.subscriber.SubscriberStore;
import org.sandian.channels.voice.emulated.AsteriskLine;
import org.sandian.content.model.Lang;
import org.sandian.ops.testing.SharedHub;

/**
 * The demo hub over its real FastAGI port and its real subscriber directory: the language a new
 * caller picks at the first prompt is kept in his profile, and his next call skips the question.
 */
class HotlineLanguageTest {

    private static final String CALLER = "+8613900004431";

    @Test
    void theLanguageChosenOnTheFirstCallIsRememberedForTheNext() throws Exception {
        SubscriberStore subscribers = new SubscriberStore(SharedHub.get().store());
        assertNull(subscribers.find(CALLER), "a caller the hub has never heard of");

        List<String> first = new ArrayList<>();
        try (AsteriskLine line = call("lang.1")) {
            first.add(played(line, '\0')); // welcome
            first.add(played(line, '\0')); // language question
            assertTrue(line.command().startsWith("WAIT FOR DIGIT"), line.commands().toString());
            line.key('2');
            first.add(played(line, '\0')); // main menu, in English
            hangUp(line);
        }
        Subscriber s = null;
        for (int i = 0; i < 100 && (s == null || s.lang() != Lang.EN); i++) {
            Thread.sleep(50);
            s = subscribers.find(CALLER);
        }
        assertEquals(Lang.EN, s == null ? null : s.lang(), "kept in the caller's profile");

        try (AsteriskLine line = call("lang.2")) {
            String welcome = played(line, '\0');
            assertNotEquals(first.get(0), welcome, "welcomed in English, not in Chinese");
            assertEquals(first.get(2), played(line, '\0'), "no language question: straight to the English main menu");
            hangUp(line);
        }
    }

    private static AsteriskLine call(String id) throws IOException {
        return AsteriskLine.call("127.0.0.1", SharedHub.get().agiPort(), "hotline", CALLER, id, "zh", "PJSIP/test", 10_000);
    }

    /** The next command must be a prompt; it plays to the end (or is cut short by {@code key}). Returns the sound. */
    private static String played(AsteriskLine line, char key) throws IOException {
        String c = line.command();
        assertTrue(c != null && c.startsWith("STREAM FILE"), "expected a prompt, got " + c + " after " + line.commands());
        line.result((int) key + " endpos=8000");
        return AsteriskLine.argument(c);
    }

    private static void hangUp(AsteriskLine line) throws IOException {
        line.hangUp();
        while (line.command() != null) line.reply(AsteriskLine.DEAD);
    }
}
