package org.sandian.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code sandian bench broadcast --kill-after}: the hub in a child JVM gets SIGKILL mid-run and is
 * started again on its data dir; the simulator (in this JVM) has every recipient once: what was in
 * flight at the kill (submitted, answer not stored) is known from the receipts the simulator keeps
 * until the hub is bound again.
 */
class BenchBroadcastKillTest {

    @Test
    void aHubKilledMidBroadcastMissesNobodyAndRepeatsNobody() throws Exception {
        Path dir = Files.createTempDirectory("sandian-bench-kill-");
        CommandRun run = CommandRun.of("bench", "broadcast", "--recipients", "600", "--tps", "200", "--kill-after",
                "200", "--workers", "2", "--data-dir", dir.toString());
        String text = run.text();
        assertEquals(0, run.code(), text);
        Matcher kill = Pattern.compile("kill: SIGKILL after (\\d+) arrived").matcher(text);
        assertTrue(kill.find(), text);
        assertTrue(Integer.parseInt(kill.group(1)) < 600, "killed mid-run: " + text);
        Map<String, Long> result = result(text);
        assertEquals(600, result.get("recipients"));
        assertEquals(0, result.get("missing"), text);
        assertEquals(0, result.get("duplicates"), text);
        assertTrue(result.get("in_flight_at_kill") <= result.get("window"), text);
    }

    private static Map<String, Long> result(String text) {
        Matcher line = Pattern.compile("(?m)^RESULT (.*)$").matcher(text);
        assertTrue(line.find(), text);
        Map<String, Long> values = new HashMap<>();
        for (String pair : line.group(1).split(" ")) {
            String[] kv = pair.split("=");
            if (kv[1].matches("\\d+")) values.put(kv[0], Long.parseLong(kv[1]));
        }
        return values;
    }
}
