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
    private final String espeak;
    private final String sox;
    private final boolean available;
    /** Texts already on disk: no file system call per prompt played. */
    private final Map<String, String> ready = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Optional<String>>> inFlight = new ConcurrentHashMap<>();
    private static final int MEMO_SIZE = 50_000;

    public EspeakSpeechRenderer(Path soundsDir, String espeak, String sox) {
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
                if (ready.size() >= MEMO_SIZE) ready.clear();
                ready.put(key, name);
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
                run(List.of(espeak, "-v", voice, "-s", "150", "-w", raw.toString(), text));
                run(List.of(sox, raw.toString(), "-r", "8000", "-c", "1", "-b", "16", tmp.toString(), "gain", "-n", "-3"));
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
        Process p = new ProcessBuilder(espeak, "-q", "-x", "-v", voice, text).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        waitFor(p, List.of(espeak, "-x"));
        return out.strip();
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (waitFor(p, command) != 0) throw new IOException(command.get(0) + " failed: " + out.strip());
    }

    private static int waitFor(Process p, List<String> command) throws IOException {
        try {
            if (!p.waitFor(RENDER_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " timed out");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        }
    }

    private static boolean runs(String binary, String arg) {
        try {
            Process p = new ProcessBuilder(binary, arg).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
