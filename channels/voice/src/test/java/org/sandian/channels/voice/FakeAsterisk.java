package org.sandian.channels.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.List;
import org.sandian.channels.voice.emulated.AsteriskLine;

/**
 * A test's hand on Asterisk's side of FastAGI ({@link AsteriskLine} over a real socket): each
 * command the script sends is checked and answered as Asterisk would.
 */
final class FakeAsterisk implements AutoCloseable {

    static final String KEYS = AsteriskLine.KEYS;

    private final AsteriskLine line;
    /** Every command read so far (a live view for assertions). */
    final Commands commands;

    private FakeAsterisk(AsteriskLine line) {
        this.line = line;
        this.commands = new Commands(line);
    }

    /** A call from {@code callerId} into {@code script}, as Asterisk's AGI() application opens it. */
    static FakeAsterisk call(int port, String script, String callerId, String uniqueId, String language) throws IOException {
        return new FakeAsterisk(AsteriskLine.call("127.0.0.1", port, script, callerId, uniqueId, language,
                "PJSIP/trunk-00000001", 10_000));
    }

    /** The next command the script sent. */
    String command() throws IOException {
        String c;
        try {
            c = line.command();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no command within 10 s; so far: " + commands);
        }
        if (c == null) throw new AssertionError("script closed the connection; commands were: " + commands);
        return c;
    }

    void reply(String reply) throws IOException {
        line.reply(reply);
    }

    /** Expects exactly {@code command} and answers {@code 200 result=<result>}. */
    void expect(String command, String result) throws IOException {
        assertEquals(command, command());
        line.result(result);
    }

    /** A STREAM FILE with every key as escape digit; answers with {@code key} (0: played to the end). Returns the file. */
    String stream(char key) throws IOException {
        String c = command();
        assertTrue(c.startsWith("STREAM FILE \"") && c.endsWith(" " + KEYS), "expected an interruptible STREAM FILE, got " + c);
        line.result((int) key + " endpos=8000");
        return argument(c);
    }

    /** What was played, to the end. */
    String heard() throws IOException {
        return stream((char) 0);
    }

    /** A WAIT FOR DIGIT of {@code ms}, answered with {@code key} (0: timeout). */
    void waitDigit(long ms, char key) throws IOException {
        expect("WAIT FOR DIGIT " + ms, String.valueOf((int) key));
    }

    /** The caller hangs up: Asterisk sends HANGUP, then answers the next command with 511. */
    void hangUp() throws IOException {
        line.hangUp();
        command();
        line.reply(AsteriskLine.DEAD);
    }

    /** The caller hangs up while the script waits for the reply to a command already read. */
    void hangUpDuringCommand() throws IOException {
        line.hangUpDuringCommand();
    }

    /** Whether the script sent {@code command} after the ones a test has read. */
    boolean sent(String command) {
        return line.commands().contains(command);
    }

    /** True once the script has closed its side (end of the call), its status report answered. */
    boolean closedByScript() throws IOException {
        return line.closedByScript();
    }

    static String argument(String command) {
        String a = AsteriskLine.argument(command);
        if (a == null) fail("no quoted argument in " + command);
        return a;
    }

    @Override
    public void close() throws IOException {
        line.close();
    }

    /** The commands read so far, as the tests print and search them. */
    static final class Commands {
        private final AsteriskLine line;

        Commands(AsteriskLine line) {
            this.line = line;
        }

        boolean contains(String command) {
            return line.commands().contains(command);
        }

        List<String> all() {
            return line.commands();
        }

        @Override
        public String toString() {
            return line.commands().toString();
        }
    }
}
