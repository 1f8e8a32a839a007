package org.sandian.channels.voice;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small Asterisk manager interface: banner, MD5 challenge login, Originate (queued, then an
 * OriginateResponse event when the test says how the call went), Hangup events, and a connection
 * the test can drop. Unknown actions get a plain Success; Command gets "Permission denied".
 * Shared with the ops tests (the voice test-jar): a whole hub points at it.
 */
public final class FakeAmi implements AutoCloseable {

    public static final String CHALLENGE = "840158231";

    /** One action as received: its lines in order ("Key: value"). */
    public record Packet(List<String> lines) {
        public String get(String key) {
            for (String l : lines) if (l.regionMatches(true, 0, key + ":", 0, key.length() + 1)) return l.substring(key.length() + 1).strip();
            return null;
        }

        public List<String> all(String key) {
            List<String> out = new ArrayList<>();
            for (String l : lines) if (l.regionMatches(true, 0, key + ":", 0, key.length() + 1)) out.add(l.substring(key.length() + 1).strip());
            return out;
        }
    }

    private final String secret;
    private final ServerSocket server;
    private final BlockingQueue<Packet> originates = new LinkedBlockingQueue<>();
    public final AtomicInteger logins = new AtomicInteger();
    private volatile Socket current;
    private volatile OutputStream out;

    public FakeAmi(String secret) throws IOException {
        this.secret = secret;
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "fake-ami");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The next Originate, or null if none comes within {@code ms}. */
    public Packet nextOriginate(long ms) throws InterruptedException {
        return originates.poll(ms, TimeUnit.MILLISECONDS);
    }

    public void originateResponse(Packet originate, boolean success, int reason, String uniqueId) throws IOException {
        send("Event: OriginateResponse\r\nPrivilege: call,all\r\nActionID: " + originate.get("ActionID") + "\r\n"
                + "Response: " + (success ? "Success" : "Failure") + "\r\nChannel: " + originate.get("Channel") + "\r\n"
                + "Context: " + originate.get("Context") + "\r\nExten: " + originate.get("Exten") + "\r\n"
                + "Reason: " + reason + "\r\nUniqueid: " + (uniqueId == null ? "<null>" : uniqueId) + "\r\n"
                + "CallerIDNum: <unknown>\r\nCallerIDName: <unknown>\r\n\r\n");
    }

    public void hangup(String uniqueId, String channel) throws IOException {
        send("Event: Hangup\r\nPrivilege: call,all\r\nChannel: " + channel + "\r\nUniqueid: " + uniqueId + "\r\n"
                + "CallerIDNum: <unknown>\r\nCause: 16\r\nCause-txt: Normal Clearing\r\n\r\n");
    }

    /** Closes the manager connection as a restarting Asterisk would. */
    public void drop() throws IOException {
        Socket s = current;
        if (s != null) s.close();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                current = s;
                out = s.getOutputStream();
                Thread t = new Thread(() -> serve(s), "fake-ami-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            send("Asterisk Call Manager/5.0.1\r\n");
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    lines.add(line);
                    continue;
                }
                if (lines.isEmpty()) continue;
                answer(new Packet(List.copyOf(lines)));
                lines.clear();
            }
        } catch (IOException e) {
            // connection dropped
        }
    }

    private void answer(Packet p) throws IOException {
        String action = p.get("Action");
        String id = "ActionID: " + p.get("ActionID") + "\r\n";
        switch (action == null ? "" : action.toLowerCase()) {
            case "challenge" -> send("Response: Success\r\n" + id + "Challenge: " + CHALLENGE + "\r\n\r\n");
            case "login" -> {
                boolean ok = md5(CHALLENGE + secret).equals(p.get("Key"));
                if (ok) logins.incrementAndGet();
                send(ok ? "Response: Success\r\n" + id + "Message: Authentication accepted\r\n\r\n"
                        : "Response: Error\r\n" + id + "Message: Authentication failed\r\n\r\n");
            }
            case "command" -> send("Response: Error\r\n" + id + "Message: Permission denied\r\n\r\n");
            case "originate" -> {
                send("Response: Success\r\n" + id + "Message: Originate successfully queued\r\n\r\n");
                originates.add(p);
            }
            case "logoff" -> send("Response: Goodbye\r\n" + id + "Message: Thanks for all the fish.\r\n\r\n");
            default -> send("Response: Success\r\n" + id + "\r\n");
        }
    }

    private synchronized void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        drop();
    }
}
