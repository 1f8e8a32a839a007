package org.sandian.channels.voice.speech;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recorded broadcast messages, in {@code soundsDir/broadcasts/<sha1>.wav}. An officer's upload is
 * checked (a RIFF/WAVE header, at most {@link #MAX_BYTES}) and converted by sox to what Asterisk
 * plays without transcoding (8 kHz, mono, 16-bit, normalised like the rendered speech). A file is
 * named by the hash of its converted sound, so the recording a broadcast names never changes under
 * it once approved. Names are relative to the sounds directory ({@code broadcasts/<sha1>}, what the
 * broadcast keeps); {@link #soundOf} gives Asterisk the file it streams. Every recording is also
 * kept in {@link SharedSounds}, so a broadcast call placed by another hub plays it too.
 */
public final class BroadcastRecordings {

    private static final Logger log = LoggerFactory.getLogger(BroadcastRecordings.class);
    public static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final String DIR = "broadcasts";
    private static final Pattern NAME = Pattern.compile(DIR + "/[0-9a-f]{40}");
    private static final int BYTES_PER_SECOND = 16_000;
    private static final long SOX_TIMEOUT_S = 60;
    /** A WAV header alone: no sound after conversion. */
    private static final int HEADER_BYTES = 44;

    private final Path soundsDir;
    private final Path dir;
    private final String sox;
    private final SharedSounds shared;

    /** An upload the officer must fix; the message says what to do, in English and Chinese. */
    public static final class Refused extends IllegalArgumentException {
        Refused(String message) {
            super(message);
        }
    }

    public BroadcastRecordings(SharedSounds shared, String sox) {
        this.soundsDir = shared.dir();
        this.dir = this.soundsDir.resolve(DIR);
        this.sox = sox;
        this.shared = shared;
    }

    /**
     * Checks and converts {@code upload}; its name. Blocking (sox). Throws {@link Refused} for a file
     * that is empty, too large, not a WAV file, or one sox cannot read.
     */
    public String store(Path upload) {
        long size = sizeOf(upload);
        if (size == 0) throw new Refused("the recording file is empty: choose a WAV file / 录音文件是空的，请选择WAV文件");
        if (size > MAX_BYTES) {
            throw new Refused(String.format("the recording is %.1f MB, at most %d MB is accepted: shorten it or save it as"
                    + " 8 kHz mono WAV / 录音文件%.1f MB，最大%d MB，请剪短或另存为8 kHz单声道WAV",
                    size / 1048576.0, MAX_BYTES / 1048576, size / 1048576.0, MAX_BYTES / 1048576));
        }
        if (!hasWaveHeader(upload)) {
            throw new Refused("this is not a WAV file (no RIFF/WAVE header): export the recording as WAV and upload it again"
                    + " / 不是WAV文件，请将录音导出为WAV格式后重新上传");
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "upload", ".tmp.wav");
            try {
                convert(upload, tmp);
                if (Files.size(tmp) <= HEADER_BYTES) {
                    throw new Refused("the recording has no sound in it: record it again / 录音里没有声音，请重新录制");
                }
                if (Files.size(tmp) > SharedSounds.MAX_BYTES) {
                    long seconds = (Files.size(tmp) - HEADER_BYTES + BYTES_PER_SECOND - 1) / BYTES_PER_SECOND;
                    long max = (SharedSounds.MAX_BYTES - HEADER_BYTES) / BYTES_PER_SECOND;
                    // Every hub keeps a copy in one store document (SharedSounds): the length is bounded.
                    throw new Refused(String.format("the recording is %d s long, at most %d s (%d min %d s) is accepted:"
                            + " shorten it / 录音%d秒，最长%d秒（%d分%d秒），请剪短", seconds, max, max / 60, max % 60,
                            seconds, max, max / 60, max % 60));
                }
                String name = DIR + "/" + sha1(tmp);
                Path file = soundsDir.resolve(name + ".wav");
                // The same sound uploaded again is the same file: never rewritten under a call playing it.
                if (!Files.exists(file)) Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                shared.share(name);
                log.info("broadcast recording stored: {} ({} bytes uploaded)", name, size);
                return name;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot store the recording under " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code name} is a stored recording (here or by another hub; not any other sound: no
     * farmer's question, no prompt). Blocking (the store).
     */
    public boolean isStored(String name) {
        return name != null && NAME.matcher(name).matches() && shared.has(name);
    }

    /**
     * What Asterisk streams for recording {@code name} (the file without extension), fetched from the
     * store when another hub took the upload; null when it is stored nowhere. Blocking.
     */
    public String soundOf(String name) {
        return name != null && NAME.matcher(name).matches() && shared.ensureLocal(name)
                ? soundsDir.resolve(name).toString() : null;
    }

    private void convert(Path upload, Path out) throws IOException {
        try {
            EspeakSpeechRenderer.run(List.of(sox, "-t", "wav", upload.toString(), "-r", "8000", "-c", "1", "-b", "16",
                    "-e", "signed-integer", out.toString(), "gain", "-n", "-3"), SOX_TIMEOUT_S);
        } catch (IOException e) {
            if (!EspeakSpeechRenderer.runs(sox, "--version")) {
                throw new IllegalStateException("recordings cannot be converted: '" + sox + "' does not run", e);
            }
            log.info("broadcast recording refused, sox cannot read it: {}", e.getMessage());
            throw new Refused("this WAV file cannot be read (damaged, or an encoding that is not supported): export it"
                    + " again as WAV, 16-bit PCM / 无法读取此WAV文件（文件损坏或编码不支持），请重新导出为16位PCM的WAV");
        }
    }

    private static boolean hasWaveHeader(Path file) {
        byte[] head = new byte[12];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 12) < 12) return false;
        } catch (IOException e) {
            return false;
        }
        return new String(head, 0, 4, StandardCharsets.ISO_8859_1).equals("RIFF")
                && new String(head, 8, 4, StandardCharsets.ISO_8859_1).equals("WAVE");
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String sha1(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
