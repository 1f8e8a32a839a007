package org.sandian.ops.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.channels.voice.emulated.AsteriskLine;
import org.sandian.channels.voice.menu.MenuStore;
import org.sandian.content.audit.AuditLog;
import org.sandian.ops.auth.Role;
import org.sandian.ops.testing.SharedHub;

/**
 * Officers edit the hotline menu in the console over real HTTP: a broken menu is refused with the
 * validator's words and the officer's text kept; a good one becomes a new version that the next
 * call over the hub's real FastAGI port walks.
 */
class VoiceMenuPageTest {

    private static final Pattern BASE = Pattern.compile("name=\"base\" value=\"(\\d+)\"");

    @BeforeAll
    static void officers() {
        SharedHub.officer("vm-editor-hb", Role.EDITOR, "420000000000");
        SharedHub.officer("vm-agent-hb", Role.AGENT, "420000000000");
    }

    @Test
    void onlyAdminsAndEditorsSeeTheMenu() throws Exception {
        ConsoleClient agent = new ConsoleClient();
        agent.login("vm-agent-hb", SharedHub.PASSWORD);
        assertEquals(403, agent.get("/console/voice-menu").statusCode());
        assertEquals(403, agent.post("/console/voice-menu", Map.of("menu", "{}", "base", "1")).statusCode());
    }

    @Test
    void aBrokenMenuIsRefusedWithItsProblemsAndAGoodOneIsWalkedByTheNextCall() throws Exception {
        ConsoleClient editor = new ConsoleClient();
        editor.login("vm-editor-hb", SharedHub.PASSWORD);
        HttpResponse<String> page = editor.get("/console/voice-menu");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("&quot;name&quot; : &quot;hotline&quot;"), "the stored menu in the text area");
        String base = base(page.body());
        String shipped = new String(MenuStore.class.getResourceAsStream(MenuStore.DEFAULT_RESOURCE).readAllBytes(),
                StandardCharsets.UTF_8);

        // Before: key 6 on the main menu is a wrong key, so the caller hears "that key is not an option".
        String prices = afterMainMenuKey('1', "+8613900004411");
        assertNotEquals(prices, afterMainMenuKey('6', "+8613900004412"));

        String broken = shipped.replace("\"5\": \"ask\"", "\"5\": \"nowhere\"").replace("\"next\": \"topics\"", "\"next\": \"main\"");
        HttpResponse<String> refused = editor.post("/console/voice-menu", Map.of("menu", broken, "base", base));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("node main key 5 goes to missing node nowhere"), refused.body());
        assertTrue(refused.body().contains("node guidance must go next to a topics node, not main"), refused.body());
        assertTrue(refused.body().contains("loop main -&gt; guidance -&gt; main"), "loops named: " + refused.body());
        assertTrue(refused.body().contains("node topics is unreachable from language"), refused.body());
        assertTrue(refused.body().contains("&quot;5&quot;: &quot;nowhere&quot;"), "the officer's text is shown again");
        assertEquals(base, base(editor.get("/console/voice-menu").body()), "nothing stored");

        String good = shipped.replace("\"0\": \"operator\"", "\"0\": \"operator\",\n        \"6\": \"prices\"")
                .replace("or 0 for an operator.", "or 0 for an operator. Prices again: 6.");
        HttpResponse<String> saved = editor.post("/console/voice-menu", Map.of("menu", good, "base", base));
        assertEquals(200, saved.statusCode());
        int version = Integer.parseInt(base) + 1;
        assertTrue(saved.body().contains("voice menu version " + version + " saved"), saved.body());
        assertTrue(saved.body().contains("vm-editor-hb"), "the versions list names who saved");
        assertTrue(new AuditLog(SharedHub.get().store(), java.time.Clock.systemUTC())
                .find("vm-editor-hb", "voice-menu-save", null, null, 10).stream()
                .anyMatch(a -> a.after().startsWith("version " + version)), "audited");

        waitForHealth("menuVersion=" + version);
        assertEquals(prices, afterMainMenuKey('6', "+8613900004413"), "key 6 now reads the prices menu");

        // Saving again from the page edited before this version is refused: no silent overwrite.
        HttpResponse<String> stale = editor.post("/console/voice-menu", Map.of("menu", good, "base", base));
        assertEquals(400, stale.statusCode());
        assertTrue(stale.body().contains("was saved after the one you edited"), stale.body());
    }

    private static String base(String html) {
        Matcher m = BASE.matcher(html);
        assertTrue(m.find(), "the page says which version it shows");
        return m.group(1);
    }

    /**
     * A call as Asterisk makes it, over the hub's FastAGI port: Mandarin, then {@code key} during the
     * main menu. Returns the sound played next, then hangs up.
     */
    private static String afterMainMenuKey(char key, String caller) throws IOException {
        try (AsteriskLine line = AsteriskLine.call("127.0.0.1", SharedHub.get().agiPort(), "hotline", caller,
                "vm-" + caller.substring(caller.length() - 4), "zh", "PJSIP/test", 10_000)) {
            expectStream(line).result("0 endpos=8000"); // welcome
            expectStream(line).result("0 endpos=8000"); // language
            assertTrue(line.command().startsWith("WAIT FOR DIGIT"), line.commands().toString());
            line.key('1');
            expectStream(line).result((int) key + " endpos=100"); // main menu, cut short by the key
            String next = line.command();
            assertTrue(next.startsWith("STREAM FILE"), next);
            line.hangUpDuringCommand();
            while (line.command() != null) line.reply(AsteriskLine.DEAD);
            return AsteriskLine.argument(next);
        }
    }

    private static AsteriskLine expectStream(AsteriskLine line) throws IOException {
        String c = line.command();
        assertTrue(c != null && c.startsWith("STREAM FILE"), "expected a prompt, got " + c + " after " + line.commands());
        return line;
    }

    private static void waitForHealth(String text) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = "";
        for (int i = 0; i < 100; i++) {
            body = http.send(HttpRequest.newBuilder(URI.create(SharedHub.url("/health"))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains(text)) return;
            Thread.sleep(100);
        }
        assertFalse(true, "health never said " + text + ": " + body);
    }
}
