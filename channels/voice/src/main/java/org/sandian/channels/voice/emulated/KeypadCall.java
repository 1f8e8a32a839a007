package org.sandian.channels.voice.emulated;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call into the hotline driven by a person pressing keys somewhere else (the console's keypad):
 * the Asterisk side of the call ({@link AsteriskLine}) on its own thread, what the caller heard kept
 * as a transcript. Prompts "play" at once unless a key is waiting, which cuts them short as on a
 * phone. A wait for a key while the caller is being asked holds until the person acts (a key, "no
 * key", hang-up) or the call has been idle too long; a wait right after a key is a real pause of
 * the length the script asked for, so a single key then a pause ends a typed code as it would.
 */
public final class KeypadCall {

    private static final Logger log = LoggerFactory.getLogger(KeypadCall.class);
    private static final AtomicLong THREADS = new AtomicLong();
    private static final int MAX_HEARD = 400;
    private static final char NO_KEY = 'n';
    private static final char HANG_UP = 'h';
    public static final String VALID_KEYS = "0123456789*#";

    /** One thing on the call's transcript. */
    public enum Kind { PROMPT, NUMBER, DIGITS, KEY, NO_KEY, RECORDED, VARIABLE, HUB_HUNG_UP, CALLER_HUNG_UP, ENDED, FAILED }

    /** {@code value}: the sound's name (PROMPT), the number, the key, the variable... */
    public record Heard(Kind kind, String value) {
    }

    private final String host;
    private final int port;
    private final String callerId;
    private final String uniqueId;
    private final String language;
    private final Duration idleLimit;
    private final LinkedBlockingDeque<Character> actions = new LinkedBlockingDeque<>();
    private final List<Heard> heard = new ArrayList<>();
    private CompletableFuture<Void> settled = new CompletableFuture<>();
    private volatile boolean waiting;
    private volatile boolean ended;
    private volatile long lastAction = System.nanoTime();
    private boolean lastWasKey;

    private KeypadCall(String host, int port, String callerId, String uniqueId, String language, Duration idleLimit) {
        this.host = host;
        this.port = port;
        this.callerId = callerId;
        this.uniqueId = uniqueId;
        this.language = language;
        this.idleLimit = idleLimit;
    }

    /**
     * Dials the hotline at {@code host:port} as {@code callerId} on a thread of its own;
     * returns at once. The call hangs up by itself after {@code idleLimit} without a key.
     */
    public static KeypadCall dial(String host, int port, String callerId, String uniqueId, String language,
                                  Duration idleLimit) {
        KeypadCall call = new KeypadCall(host, port, callerId, uniqueId, language, idleLimit);
        Thread t = new Thread(call::run, "keypad-call-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        t.start();
        return call;
    }

    /**
     * Presses {@code keys} (0-9, * and #; others are ignored) one after the other; completes when
     * the call next waits for a key, or has ended.
     */
    public CompletableFuture<Void> press(String keys) {
        List<Character> valid = new ArrayList<>();
        for (char c : keys.toCharArray()) if (VALID_KEYS.indexOf(c) >= 0) valid.add(c);
        return act(valid);
    }

    /** Lets the wait for a key run out, as a caller who says nothing. */
    public CompletableFuture<Void> noKey() {
        return act(List.of(NO_KEY));
    }

    /** The caller hangs up. */
    public CompletableFuture<Void> hangUp() {
        return act(List.of(HANG_UP));
    }

    /** Completes when the call waits for a key or has ended. */
    public synchronized CompletableFuture<Void> settled() {
        return settled;
    }

    private synchronized CompletableFuture<Void> act(List<Character> keys) {
        if (ended || keys.isEmpty()) return settled;
        lastAction = System.nanoTime();
        if (settled.isDone()) settled = new CompletableFuture<>();
        waiting = false;
        actions.addAll(keys);
        return settled;
    }

    /** True while the script waits for the caller's key and none is queued. */
    public boolean waitingForKey() {
        return waiting && !ended;
    }

    public boolean ended() {
        return ended;
    }

    /** Seconds since the person last acted. */
    public long idleSeconds() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - lastAction);
    }

    public String callerId() {
        return callerId;
    }

    public String uniqueId() {
        return uniqueId;
    }

    public synchronized List<Heard> heard() {
        return List.copyOf(heard);
    }

    private synchronized void note(Kind kind, String value) {
        if (heard.size() >= MAX_HEARD) heard.remove(0);
        heard.add(new Heard(kind, value));
    }

    private void run() {
        try (AsteriskLine line = AsteriskLine.call(host, port, "hotline", callerId, uniqueId, language,
                "Console/keypad-" + uniqueId, (int) Math.min(Integer.MAX_VALUE, idleLimit.toMillis()))) {
            converse(line);
            if (!line.closedByScript()) log.debug("keypad call {}: the script did not close cleanly", uniqueId);
            note(Kind.ENDED, "");
        } catch (IOException | RuntimeException e) {
            log.warn("keypad call {} failed: {}", uniqueId, e.toString());
            note(Kind.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            note(Kind.FAILED, "interrupted");
        } finally {
            synchronized (this) {
                ended = true;
                waiting = false;
                actions.clear();
                settled.complete(null);
            }
        }
    }

    /** Answers the script's commands until the call is over (either side hung up, or the script left). */
    private void converse(AsteriskLine line) throws IOException, InterruptedException {
        String command;
        while ((command = line.command()) != null) {
            if (line.hungUp()) {
                line.reply(AsteriskLine.DEAD);
                if (command.startsWith("SET VARIABLE \"AJ_AGISTATUS\"")) return;
                continue;
            }
            if (command.startsWith("STREAM FILE ")) {
                note(Kind.PROMPT, AsteriskLine.argument(command));
                if (!interrupt(line, command)) line.result("0 endpos=8000");
            } else if (command.startsWith("SAY NUMBER ") || command.startsWith("SAY DIGITS ")) {
                String[] words = command.split(" ");
                note(command.startsWith("SAY NUMBER") ? Kind.NUMBER : Kind.DIGITS, words.length > 2 ? words[2] : "");
                if (!interrupt(line, command)) line.result("0");
            } else if (command.startsWith("GET DATA ")) {
                note(Kind.PROMPT, AsteriskLine.argument(command));
                getData(line, command);
            } else if (command.startsWith("WAIT FOR DIGIT ")) {
                waitForDigit(line, Long.parseLong(command.substring("WAIT FOR DIGIT ".length()).strip()));
            } else if (command.startsWith("RECORD FILE ")) {
                // The simulated caller says nothing and ends the message with #: no sound file is left.
                note(Kind.RECORDED, AsteriskLine.argument(command));
                line.result("35 (dtmf) endpos=0");
            } else if (command.equals("HANGUP")) {
                note(Kind.HUB_HUNG_UP, "");
                line.result("1");
                line.markDead();
            } else if (command.startsWith("SET VARIABLE \"AJ_AGISTATUS\"")) {
                line.result("1");
                return;
            } else if (command.startsWith("SET VARIABLE ")) {
                note(Kind.VARIABLE, command.substring("SET VARIABLE ".length()));
                line.result("1");
            } else {
                line.result("0");
            }
        }
    }

    /** A key already pressed cuts the prompt short and is its answer; true when one did (or the caller hung up). */
    private boolean interrupt(AsteriskLine line, String command) throws IOException {
        Character next = actions.peekFirst();
        if (next == null || next == NO_KEY) {
            lastWasKey = false;
            return false;
        }
        actions.pollFirst();
        if (next == HANG_UP) {
            callerHangsUp(line);
            return true;
        }
        pressed(line, next, " endpos=0");
        return true;
    }

    private void waitForDigit(AsteriskLine line, long ms) throws IOException, InterruptedException {
        Character next;
        if (lastWasKey) {
            // A pause right after a key: the real pause ends a typed code.
            next = actions.pollFirst(ms, TimeUnit.MILLISECONDS);
        } else {
            next = heldKey();
            if (next == null) {
                callerHangsUp(line);
                return;
            }
        }
        if (next == null || next == NO_KEY) {
            note(Kind.NO_KEY, "");
            lastWasKey = false;
            line.key((char) 0);
        } else if (next == HANG_UP) {
            callerHangsUp(line);
        } else {
            pressed(line, next, "");
        }
    }

    /**
     * GET DATA "file" [timeout [max digits]]: the keys pressed until #, the maximum, or a pause of the
     * timeout after a key (the first key is awaited like any choice); {@code (timeout)} when none came.
     */
    private void getData(AsteriskLine line, String command) throws IOException, InterruptedException {
        String[] words = command.substring(command.lastIndexOf('"') + 1).strip().split("\\s+");
        long pause = words.length > 0 && !words[0].isEmpty() ? Long.parseLong(words[0]) : 5000;
        int max = words.length > 1 ? Integer.parseInt(words[1]) : 1024;
        StringBuilder typed = new StringBuilder();
        while (typed.length() < max) {
            Character next;
            if (typed.length() == 0) {
                next = actions.peekFirst() != null ? actions.pollFirst() : heldKey();
                if (next == null) {
                    callerHangsUp(line);
                    return;
                }
            } else {
                next = actions.pollFirst(pause, TimeUnit.MILLISECONDS);
            }
            if (next == null || next == NO_KEY || next == '#') break;
            if (next == HANG_UP) {
                callerHangsUp(line);
                return;
            }
            note(Kind.KEY, String.valueOf(next));
            typed.append(next);
        }
        lastWasKey = typed.length() > 0;
        if (typed.length() == 0) note(Kind.NO_KEY, "");
        line.result(typed.length() == 0 ? " (timeout)" : typed.toString());
    }

    /** Waits for the person's next action while the call waits for a key; null when the call was idle too long. */
    private Character heldKey() throws InterruptedException {
        synchronized (this) {
            if (actions.isEmpty()) {
                waiting = true;
                settled.complete(null);
            }
        }
        Character next = actions.pollFirst(idleLimit.toMillis(), TimeUnit.MILLISECONDS);
        waiting = false;
        if (next == null) log.info("keypad call {}: no key for {} s, hanging up", uniqueId, idleLimit.toSeconds());
        return next;
    }

    /** {@code rest}: what follows the key in the reply (a prompt's end position). */
    private void pressed(AsteriskLine line, char key, String rest) throws IOException {
        note(Kind.KEY, String.valueOf(key));
        lastWasKey = true;
        line.result((int) key + rest);
    }

    private void callerHangsUp(AsteriskLine line) throws IOException {
        note(Kind.CALLER_HUNG_UP, "");
        line.hangUpDuringCommand();
    }
}
