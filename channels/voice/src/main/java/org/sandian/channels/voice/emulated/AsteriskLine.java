package org.sandian.channels.voice.emulated;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asterisk's side of one FastAGI connection, over a real socket: the {@code agi_} block that opens
 * it, then each command the script sends answered as Asterisk would ({@code 200 result=...}, a key
 * as its ASCII code, {@code HANGUP} then 511 once the caller is gone). The one home of this protocol
 * for the call tests, {@code sandian bench ivr} and the console's phone simulator.
 */
public final class AsteriskLine implements AutoCloseable {

    /** What Asterisk answers to any command on a channel that has hung up. */
    public static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine";
    /** The escape digits the hotline puts on every prompt, as they appear in its commands. */
    public static final String KEYS = "\"0123456789*#\"";
    private static final Pattern QUOTED = Pattern.compile("^[A-Z ]+? \"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
    private volatile long lastSent;
    private volatile boolean hungUp;

    private AsteriskLine(Socket socket, int readTimeoutMs) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(readTimeoutMs);
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = socket.getOutputStream();
    }

    /**
     * A call from {@code callerId} into {@code script} at {@code host:port}, as Asterisk's AGI()
     * application opens it. {@code readTimeoutMs} bounds each wait for the script's next command.
     */
    public static AsteriskLine call(String host, int port, String script, String callerId, String uniqueId,
                                    String language, String channel, int readTimeoutMs) throws IOException {
        AsteriskLine a = new AsteriskLine(new Socket(host, port), readTimeoutMs);
        a.send("agi_network: yes\n"
                + "agi_network_script: " + script + "\n"
                + "agi_request: agi://" + host + ":" + port + "/" + script + "\n"
                + "agi_channel: " + channel + "\n"
                + "agi_language: " + language + "\n"
                + "agi_type: PJSIP\n"
                + "agi_uniqueid: " + uniqueId + "\n"
                + "agi_version: 20.5.0\n"
                + "agi_callerid: " + (callerId == null ? "unknown" : callerId) + "\n"
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

    /** The script's next command; null once it closed the connection. A read timeout throws. */
    public String command() throws IOException {
        String line = in.readLine();
        if (line != null) commands.add(line);
        return line;
    }

    /** Like {@link #command()}, but null on a read timeout too. */
    public String commandOrNull() throws IOException {
        try {
            return command();
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    public void reply(String line) throws IOException {
        send(line + "\n");
    }

    /** {@code 200 result=<result>}. */
    public void result(String result) throws IOException {
        reply("200 result=" + result);
    }

    /** The answer to a STREAM FILE or WAIT FOR DIGIT: the key's code, or 0 when none came. */
    public void key(char key) throws IOException {
        result(String.valueOf((int) key));
    }

    /** The caller hangs up: Asterisk sends HANGUP and answers the command after it with 511. */
    public void hangUp() throws IOException {
        hungUp = true;
        send("HANGUP\n");
    }

    /** The caller hangs up while the script waits for the answer to a command already read. */
    public void hangUpDuringCommand() throws IOException {
        hungUp = true;
        send("HANGUP\n" + DEAD + "\n");
    }

    /** The channel is gone (the caller hung up, or the script's HANGUP was answered): 511 from now on. */
    public void markDead() {
        hungUp = true;
    }

    public boolean hungUp() {
        return hungUp;
    }

    /**
     * Answers what the script sends on its way out (Asterisk-Java reports AJ_AGISTATUS) until it
     * closes: 511 on a dead channel, else 200. True when the script closed; false when it sent
     * something else or did not close in time.
     */
    public boolean closedByScript() throws IOException {
        try {
            while (true) {
                String line = command();
                if (line == null) return true;
                if (!line.startsWith("SET VARIABLE \"AJ_AGISTATUS\"")) return false;
                reply(hungUp ? DEAD : "200 result=1");
            }
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** Every command read so far, in order. */
    public List<String> commands() {
        synchronized (commands) {
            return List.copyOf(commands);
        }
    }

    /** When the last reply went out ({@link System#nanoTime()}): server time per turn runs from here. */
    public long lastSentNanos() {
        return lastSent;
    }

    /** The first quoted argument of a command ({@code STREAM FILE "name" ...} gives name); null if none. */
    public static String argument(String command) {
        Matcher m = QUOTED.matcher(command);
        return m.find() ? m.group(1).replace("\\\"", "\"") : null;
    }

    private void send(String s) throws IOException {
        synchronized (out) {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        lastSent = System.nanoTime();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
