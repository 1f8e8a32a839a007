package org.sandian.channels.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.channels.web.testing.WebHub;

/** The pages read in text browsers: w3m and lynx fetch them over HTTP and dump what a reader sees. */
class TextBrowserTest {

    static WebHub hub;

    @BeforeAll
    static void start() throws Exception {
        hub = WebHub.shared();
    }

    static String dump(String... command) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(command[0])), command[0] + " not installed");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(out, StandardCharsets.UTF_8));
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void w3mShowsThePriceTableAndTrendAsText() throws Exception {
        String text = dump("/usr/bin/w3m", "-dump", "-o", "accept_language=zh-CN", "-O", "UTF-8", "-cols", "100", hub.base() + "/prices/104");
        assertTrue(text.contains("玉米"), text);
        List<String> rows = text.lines().filter(l -> l.matches(".*\\d+\\.\\d{2} .*")).toList();
        assertTrue(rows.size() >= hub.snapshot.get().markets().size(), text);
        assertTrue(text.matches("(?s).*[▲▼＝].*"), "the trend reads as text: " + text);
    }

    @Test
    void lynxReadsTheHomePageWithItsLinksAndSearchForm() throws Exception {
        String text = dump("/usr/bin/lynx", "-dump", "-display_charset=utf-8", "-assume_charset=utf-8",
                hub.base() + "/");
        // lynx asks for English by default: the page follows Accept-Language until a language is chosen.
        assertTrue(text.contains("Today's prices") && text.contains("Latest notices") && text.contains("Tips for this season"),
                text);
        assertTrue(text.contains("Maize"), text);
        assertTrue(text.contains("/prices/104"), "links listed: " + text);
        assertTrue(text.contains("Search"), text);
    }
}
