package org.sandian.channels.voice.speech;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.sandian.content.model.Lang;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speech through espeak-ng, made playable by sox (8 kHz mono WAV, normalised to -3 dB), cached in
 * {@code soundsDir/tts/<sha1>.wav}. Chinese uses the {@code cmn-latn-pinyin} voice: on Debian 12's
 * espeak-ng 1.51 plain {@code cmn} reads Chinese characters as pinyin spelled in English.
 */
public final class EspeakSpeechRenderer implements SpeechRenderer {

    private static final Logger log = LoggerFactory.getLogger(EspeakSpeechRenderer.class);
    public static final String CHINESE_VOICE = "cmn-latn-pinyin";
    public static final String ENGLISH_VOICE = "en";
    private static final long RENDER_TIMEOUT_S = 20;

    private final Path dir;
    private final long timeoutSeconds;
    private final String espeak;
    private final String sox;
    private final boolean available;
    /** Texts already on disk: no file system call per prompt played. */
    private final Map<String, String> ready = new ConcurrentHashMap<>();
    /** Sound name -> its text, for showing what a call heard (the console's phone simulator). */
    private final Map<String, String> texts = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Optional<String>>> inFlight = new ConcurrentHashMap<>();
    private static final int MEMO_SIZE = 50_000;

    public EspeakSpeechRenderer(Path soundsDir, String espeak, String sox) {
        this(soundsDir, espeak, sox, RENDER_TIMEOUT_S);
    }

    /** With another limit on each run of espeak-ng or sox (tests). */
    EspeakSpeechRenderer(Path soundsDir, String espeak, String sox, long timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
        this.dir = soundsDir.resolve("tts").toAbsolutePath();
        this.espeak = espeak;
        this.sox = sox;
        this.available = runs(espeak, "--version") && runs(sox, "--version");
        if (!available) log.warn("speech synthesis off: '{}' or '{}' cannot run; recorded prompts only", espeak, sox);
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public Optional<String> render(String text, Lang lang) {
        if (!available || text == null || text.isBlank()) return Optional.empty();
        String key = lang.code() + "\n" + text;
        String known = ready.get(key);
        if (known != null) return Optional.of(known);
        // Many callers asking for the same new text at once wait for one synthesis, not one each.
        CompletableFuture<Optional<String>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<String>> running = inFlight.putIfAbsent(key, mine);
        if (running != null) return running.join();
        try {
            Optional<String> made = renderFile(key, text, lang);
            made.ifPresent(name -> {
                if (ready.size() >= MEMO_SIZE) {
                    ready.clear();
                    texts.clear();
                }
                ready.put(key, name);
                texts.put(name, text);
            });
            mine.complete(made);
            return made;
        } catch (RuntimeException e) {
            mine.complete(Optional.empty());
            throw e;
        } finally {
            inFlight.remove(key);
        }
    }

    @Override
    public Optional<String> textOf(String sound) {
        return sound == null ? Optional.empty() : Optional.ofNullable(texts.get(sound));
    }

    private Optional<String> renderFile(String key, String text, Lang lang) {
        String name = hash(key);
        Path wav = dir.resolve(name + ".wav");
        if (Files.exists(wav)) return Optional.of(dir.resolve(name).toString());
        try {
            Files.createDirectories(dir);
            Path raw = Files.createTempFile(dir, name, ".raw.wav");
            Path tmp = Files.createTempFile(dir, name, ".tmp.wav");
            try {
                String voice = lang == Lang.EN ? ENGLISH_VOICE : CHINESE_VOICE;
                run(List.of(espeak, "-v", voice, "-s", "150", "-w", raw.toString(), "--", text), timeoutSeconds);
                run(List.of(sox, raw.toString(), "-r", "8000", "-c", "1", "-b", "16", tmp.toString(), "gain", "-n", "-3"),
                        timeoutSeconds);
                // Atomic: a call playing this text meanwhile never sees half a file.
                Files.move(tmp, wav, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(raw);
                Files.deleteIfExists(tmp);
            }
            return Optional.of(dir.resolve(name).toString());
        } catch (IOException | RuntimeException e) {
            log.warn("speech rendering failed for {} text ({} chars): {}", lang, text.length(), e.toString());
            return Optional.empty();
        }
    }

    /** The phonemes espeak-ng would say, for checking that Chinese comes out as Mandarin syllables. */
    public String phonemes(String text, Lang lang) throws IOException {
        String voice = lang == Lang.EN ? ENGLISH_VOICE : CHINESE_VOICE;
        return run(List.of(espeak, "-q", "-x", "-v", voice, "--", text), timeoutSeconds).strip();
    }

    /**
     * Runs {@code command} with its output going to a file, so that the timeout governs even when
     * the program hangs without closing its output; a program over time is killed. Returns the output.
     * The text always follows {@code --}: a text starting with '-' is spoken, never read as options.
     */
    static String run(List<String> command, long timeoutSeconds) throws IOException {
        Path out = Files.createTempFile("sandian-speech", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            try {
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException(command.get(0) + " timed out after " + timeoutSeconds + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                throw new IOException("interrupted", e);
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) throw new IOException(command.get(0) + " failed: " + text.strip());
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    static boolean runs(String binary, String arg) {
        try {
            run(List.of(binary, arg), 10);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
