package org.sandian.ops.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.sandian.channels.voice.FakeAmi;
import org.sandian.channels.voice.emulated.AsteriskLine;

/**
 * Asterisk's side of a broadcast call's answered leg, for tests: the Originate's channel
 * variables, then the {@code broadcast} AGI script run over a hub's real FastAGI port.
 */
public final class BroadcastCallLeg {

    private BroadcastCallLeg() {
    }

    /** The Originate's {@code Variable} headers ("A=1,B=2", maybe several) as a map. */
    public static Map<String, String> variables(FakeAmi.Packet originate) {
        Map<String, String> vars = new HashMap<>();
        for (String v : originate.all("Variable")) {
            for (String pair : v.split(",")) vars.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return vars;
    }

    /**
     * Answers the leg: the script's variables, its first sound played to the end, key 2 on the offer
     * after it when {@code pressTwo} (and what that came to heard), then a hang-up.
     *
     * @return the first sound the script streamed (the message)
     */
    public static String answer(int agiPort, Map<String, String> vars, String uniqueId, boolean pressTwo) throws Exception {
        try (AsteriskLine line = AsteriskLine.call("127.0.0.1", agiPort, "broadcast", "12316", uniqueId, "zh",
                "PJSIP/carrier-1", 10_000)) {
            assertEquals("GET VARIABLE \"SANDIAN_CALL_ID\"", line.command());
            line.reply("200 result=1 (" + vars.get("SANDIAN_CALL_ID") + ")");
            assertEquals("GET VARIABLE \"SANDIAN_CALLEE\"", line.command());
            line.reply("200 result=1 (" + vars.get("SANDIAN_CALLEE") + ")");
            String played = line.command();
            assertTrue(played != null && played.startsWith("STREAM FILE"), "the message is played: " + line.commands());
            line.result("0 endpos=16000");
            if (pressTwo) {
                String offer = line.command();
                assertTrue(offer != null && offer.startsWith("STREAM FILE"), "the offer after the message: " + line.commands());
                line.key('2');
                String said = line.command();
                assertTrue(said != null && said.startsWith("STREAM FILE"), "the subscription is confirmed: " + line.commands());
                line.result("0 endpos=8000");
            }
            line.hangUp();
            while (line.command() != null) line.reply(AsteriskLine.DEAD);
            return AsteriskLine.argument(played);
        }
    }
}
