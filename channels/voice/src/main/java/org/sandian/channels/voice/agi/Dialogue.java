package org.sandian.channels.voice.agi;

import java.util.List;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.sandian.channels.voice.VoiceOptions;
import org.sandian.channels.voice.menu.Prompt;
import org.sandian.channels.voice.speech.Part;
import org.sandian.channels.voice.speech.SpeechRenderer;
import org.sandian.channels.voice.speech.SpokenScript;
import org.sandian.content.model.Lang;

/**
 * Speaking and listening on one call, on the call's own thread. Every prompt is played with all
 * keys as escape digits, so a caller who knows the menu never waits, and the key that cut a prompt
 * short is the answer (Asterisk drops keys pressed while no command listens).
 */
public final class Dialogue {

    public static final String KEYS = "0123456789*#";
    public static final char NONE = 0;
    public static final char BACK = '#';
    public static final char REPEAT = '*';
    private static final int MAX_REPEATS_ASKED = 20;

    private final AgiChannel channel;
    private final SpeechRenderer speech;
    private final boolean tts;
    private final VoiceOptions options;
    private final CallLog log;
    private final Prompt invalid;
    private Lang lang;
    private char pending = NONE;

    public Dialogue(AgiChannel channel, SpeechRenderer speech, VoiceOptions options, CallLog log, Prompt invalid, Lang lang) {
        this.channel = channel;
        this.speech = speech;
        this.tts = options.tts() && speech.available();
        this.options = options;
        this.log = log;
        this.invalid = invalid;
        this.lang = lang;
    }

    public Lang lang() {
        return lang;
    }

    public void lang(Lang l) {
        lang = l;
    }

    public boolean tts() {
        return tts;
    }

    public AgiChannel channel() {
        return channel;
    }

    public CallLog log() {
        return log;
    }

    public List<Part> parts(Prompt p) {
        return tts ? List.of(new Part.Speech(p.text(lang), lang)) : List.of(new Part.Sound(p.sound(lang)));
    }

    public List<Part> parts(String script) {
        return SpokenScript.parse(script, lang, tts);
    }

    /** Plays everything unless a key cuts it short; returns that key, or {@link #NONE}. */
    public char play(List<Part> parts) throws AgiException {
        if (pending != NONE) {
            char k = pending;
            pending = NONE;
            return k;
        }
        for (Part p : parts) {
            char k = playOne(p);
            if (isKey(k)) return k;
        }
        return NONE;
    }

    /** Keeps a key pressed during an informing prompt as the answer to the next question. */
    public void pushBack(char key) {
        pending = key;
    }

    /** Plays the prompt, then waits for a key if none came during it. */
    public char ask(List<Part> prompt) throws AgiException {
        char k = play(prompt);
        if (isKey(k)) return k;
        return nextDigit(options.digitTimeout().toMillis());
    }

    /** Waits up to {@code ms} for one key; {@link #NONE} when none came. */
    public char nextDigit(long ms) throws AgiException {
        char k = channel.waitForDigit((int) ms);
        return isKey(k) ? k : NONE;
    }

    /**
     * Asks until a key in {@code valid} comes; * repeats, # returns {@link #BACK}. No input or a
     * wrong key repeats the prompt {@code maxRepeats} times, then {@link Goodbye}.
     */
    public char choose(List<Part> prompt, String valid, String what) throws AgiException, Goodbye {
        Attempts attempts = attempts(what);
        while (true) {
            char k = ask(prompt);
            if (k == REPEAT) {
                attempts.repeatAsked();
                continue;
            }
            if (k == BACK) return BACK;
            if (k != NONE && valid.indexOf(k) >= 0) return k;
            attempts.failed(k);
        }
    }

    /**
     * Plays an answer, then {@code after} ("* again, # back"); * plays the answer again, # returns,
     * anything else counts as a failed try.
     */
    public void listen(List<Part> content, List<Part> after) throws AgiException, Goodbye {
        Attempts attempts = attempts("after-answer");
        char k = play(content);
        while (true) {
            if (k == NONE) k = ask(after);
            if (k == BACK) return;
            if (k == REPEAT) {
                attempts.repeatAsked();
                k = play(content);
                continue;
            }
            attempts.failed(k);
            k = NONE;
        }
    }

    public Attempts attempts(String what) {
        return new Attempts(what);
    }

    /** Counts failures at one prompt; says "wrong key" and keeps the key pressed during it. */
    public final class Attempts {
        private final String what;
        private int failures;
        private int repeats;

        private Attempts(String what) {
            this.what = what;
        }

        public void failed(char key) throws AgiException, Goodbye {
            failures++;
            log.step(what + (key == NONE ? " no-input" : " wrong-key " + key));
            if (failures > options.maxRepeats()) throw new Goodbye(what + ": no valid key after " + failures + " tries");
            if (key != NONE) pending = play(parts(invalid));
        }

        public void repeatAsked() throws Goodbye {
            if (++repeats > MAX_REPEATS_ASKED) throw new Goodbye(what + ": repeated too often");
        }
    }

    private char playOne(Part p) throws AgiException {
        if (p instanceof Part.Speech s) {
            var file = speech.render(s.text(), s.lang());
            if (file.isEmpty()) return NONE;
            return stream(file.get());
        }
        if (p instanceof Part.Sound s) return stream(s.name());
        if (p instanceof Part.Number n) return channel.sayNumber(n.digits(), KEYS);
        if (p instanceof Part.Digits d) return channel.sayDigits(d.digits(), KEYS);
        return NONE;
    }

    private char stream(String name) throws AgiException {
        char k = channel.streamFile(name, KEYS);
        // STREAM FILE answers -1 for a missing file instead of failing: note it, go on.
        if (channel.getLastReply() != null && channel.getLastReply().getResultCode() < 0) log.step("sound-missing " + name);
        return k;
    }

    static boolean isKey(char k) {
        return k != NONE && KEYS.indexOf(k) >= 0;
    }
}
