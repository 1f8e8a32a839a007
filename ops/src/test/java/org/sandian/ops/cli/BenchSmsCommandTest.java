package org.sandian.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code sandian bench sms}, small: the full-speed warm-up, the paced one in 5 s slices (cut at
 * its maximum here: a JVM this young is still compiling), then the measured run, with every MO
 * counted once by the dialogue and the RESULT line last.
 */
class BenchSmsCommandTest {

    @Test
    void aSmallPacedRunAnswersEveryMoOnceAndSaysHowItWarmedUp() throws Exception {
        CommandRun run = CommandRun.of("bench", "sms", "--count", "400", "--rate", "200", "--warmup", "300",
                "--paced-warmup-max", "10");
        String text = run.text();
        assertEquals(0, run.code(), text);
        assertTrue(text.contains("warm-up: 300 MOs, 300 replies"), text);
        Matcher paced = Pattern.compile(
                "warm-up at 200/s: (\\d+) MOs, (\\d+) replies in (\\d+) s, .*; JIT ms per 5 s: \\d+, \\d+\\n").matcher(text);
        assertTrue(paced.find(), text);
        assertEquals("2000", paced.group(1), "two slices of 5 s at 200/s: " + text);
        assertEquals("2000", paced.group(2), "every warm-up MO answered: " + text);
        assertEquals("10", paced.group(3), text);
        assertTrue(text.contains("MOs handled by the dialogue: 2700 of 2700 injected"), text);
        assertTrue(Pattern.compile("(?m)^RESULT replies_per_s=\\d+ p50_ms=[\\d.]+ p99_ms=[\\d.]+ lost=0 duplicates=0$")
                .matcher(text).find(), text);
    }
}
