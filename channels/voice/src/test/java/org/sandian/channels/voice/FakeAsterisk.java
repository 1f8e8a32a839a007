package org.sandian.channels.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asterisk's side of FastAGI over a real socket: sends the agi_ block, reads each command the
 * script sends and answers it as Asterisk would ({@code 200 result=...}, keys as their ASCII code,
 * {@code HANGUP} then 511 once the caller has hung up).
 */
final class FakeAsterisk implements AutoCloseable {

    static final String KEYS = "\"0123456789*#\"";
    private static final Pattern QUOTED = Pattern.compile("^[A-Z ]+? \"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Socket socket;
    private final BufferedReader in;
    private final Writer out;
    final List<String> commands = new ArrayList<>();
    private boolean hungUp;

    private FakeAsterisk(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(10_000);
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** A call from {@code callerId} into {@code script}, as Asterisk's AGI() application opens it. */
    static FakeAsterisk call(int port, String script, String callerId, String uniqueId, String language) throws IOException {
        FakeAsterisk a = new FakeAsterisk(new Socket("127.0.0.1", port));
        a.send("agi_network: yes\n"
                + "agi_network_script: " + script + "\n"
                + "agi_request: agi://127.0.0.1:" + port + "/" + script + "\n"
                + "agi_channel: PJSIP/trunk-00000001\n"
                + "agi_language: " + language + "\n"
                + "agi_type: PJSIP\n"
                + "agi_uniqueid: " + uniqueId + "\n"
                + "agi_version: 20.5.0\n"
                + "agi_callerid: " + callerId + "\n"
                + "agi_calleridname: unknown\n"
                + "agi_callingpres: 0\n"
                + "agi_dnid: 12316\n"
                + "agi_rdnis: unknown\n"
                + "agi_context: sandian-hotline\n"
                + "agi_extension: 12316\n"
                + "agi_priority: 2\n"
                + "agi_enhanced: 0.0\n"
                + "agi_accountcode: \n"
                + "agi_threadid: 140000000000001\n"
                + "\n");
        return a;
    }

    /** The next command the script sent. */
    String command() throws IOException {
        String line;
        try {
            line = in.readLine();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no command within 10 s; so far: " + commands);
        }
        if (line == null) throw new AssertionError("script closed the connection; commands were: " + commands);
        commands.add(line);
        return line;
    }

    void reply(String line) throws IOException {
        send(line + "\n");
    }

    /** Expects exactly {@code command} and answers {@code 200 result=<result>}. */
    void expect(String command, String result) throws IOException {
        assertEquals(command, command());
        reply("200 result=" + result);
    }

    /** A STREAM FILE with every key as escape digit; answers with {@code key} (0: played to the end). Returns the file. */
    String stream(char key) throws IOException {
        String c = command();
        assertTrue(c.startsWith("STREAM FILE \"") && c.endsWith(" " + KEYS), "expected an interruptible STREAM FILE, got " + c);
        reply("200 result=" + (int) key + " endpos=8000");
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
        hungUp = true;
        send("HANGUP\n");
        command();
        reply("511 Command Not Permitted on a dead channel or intercept routine");
    }

    /** The caller hangs up while the script waits for the reply to a command already read. */
    void hangUpDuringCommand() throws IOException {
        hungUp = true;
        send("HANGUP\n511 Command Not Permitted on a dead channel or intercept routine\n");
    }

    /** Whether the script sent {@code command} after the ones a test has read. */
    boolean sent(String command) {
        return commands.contains(command);
    }

    /**
     * True once the script has closed its side (end of the call). Asterisk-Java reports the
     * script's status in AJ_AGISTATUS on its way out; that is answered as Asterisk would.
     */
    boolean closedByScript() throws IOException {
        try {
            while (true) {
                String line = in.readLine();
                if (line == null) return true;
                commands.add(line);
                if (!line.startsWith("SET VARIABLE \"AJ_AGISTATUS\"")) return false;
                reply(hungUp ? "511 Command Not Permitted on a dead channel or intercept routine" : "200 result=1");
            }
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    static String argument(String command) {
        Matcher m = QUOTED.matcher(command);
        if (!m.find()) fail("no quoted argument in " + command);
        return m.group(1).replace("\\\"", "\"");
    }

    private void send(String s) throws IOException {
        out.write(s);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
