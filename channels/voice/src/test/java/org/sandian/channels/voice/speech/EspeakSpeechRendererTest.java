package org.sandian.channels.voice.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.sandian.content.model.Lang;

/** Needs espeak-ng and sox installed (apt-get install espeak-ng sox), as on the hub's machines. */
class EspeakSpeechRendererTest {

    @Test
    void chineseIsSpokenAsMandarinSyllablesWithTonesNotAsSpelledPinyin() throws Exception {
        EspeakSpeechRenderer r = new EspeakSpeechRenderer(Files.createTempDirectory("tts"), "espeak-ng", "sox");
        assertTrue(r.available(), "espeak-ng and sox must be installed");
        String phonemes = r.phonemes("玉米均价" + ChineseNumbers.read("1.25") + "元每公斤", Lang.ZH);
        assertTrue(phonemes.contains("y51") && phonemes.contains("m'i21") || phonemes.contains("mi21"), phonemes);
        assertFalse(phonemes.contains("(en)"), "no switch to English spelling: " + phonemes);
    }

    @Test
    void renderedSpeechIs8kHzMonoWavAndCachedByText() throws Exception {
        Path dir = Files.createTempDirectory("tts");
        EspeakSpeechRenderer r = new EspeakSpeechRenderer(dir, "espeak-ng", "sox");
        String name = r.render("玉米均价二点三元每公斤。", Lang.ZH).orElseThrow();
        Path wav = Path.of(name + ".wav");
        byte[] header = Files.readAllBytes(wav);
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("RIFF", new String(header, 0, 4));
        assertEquals(1, b.getShort(22), "mono");
        assertEquals(8000, b.getInt(24), "8 kHz");
        assertTrue(header.length > 8000, "some speech: " + header.length + " bytes");
        FileTime made = Files.getLastModifiedTime(wav);
        Thread.sleep(20);
        assertEquals(name, r.render("玉米均价二点三元每公斤。", Lang.ZH).orElseThrow());
        assertEquals(made, Files.getLastModifiedTime(wav), "the cached file is not rendered again");
        assertTrue(r.render("Maize, average 2.3 yuan per kilogram.", Lang.EN).isPresent());
    }

    @Test
    void aMissingSynthesiserMeansNoSpeechInsteadOfAFailure() throws Exception {
        EspeakSpeechRenderer r = new EspeakSpeechRenderer(Files.createTempDirectory("tts"), "/nonexistent/espeak-ng", "sox");
        assertFalse(r.available());
        assertTrue(r.render("玉米", Lang.ZH).isEmpty());
    }

    @Test
    void textStartingWithADashIsSpokenNotTakenAsAnOption() throws Exception {
        Path dir = Files.createTempDirectory("tts");
        Path trap = dir.resolve("x.wav");
        EspeakSpeechRenderer r = new EspeakSpeechRenderer(dir, "espeak-ng", "sox");
        String name = r.render("-w " + trap, Lang.EN).orElseThrow();
        assertTrue(Files.size(Path.of(name + ".wav")) > 8000, "the words were spoken");
        assertFalse(Files.exists(trap), "'-w' was not read as espeak-ng's output option");
        assertTrue(r.phonemes("-w test", Lang.EN).contains("t'Est"), "phonemes too");
    }

    @Test
    void aHungSynthesiserIsKilledAtTheTimeoutAndTheCallGoesOnWithoutSpeech() throws Exception {
        Path dir = Files.createTempDirectory("tts");
        // Answers --version, then hangs holding its output open, as a stuck espeak-ng would.
        Path hung = dir.resolve("espeak-hung.sh");
        Files.writeString(hung, "#!/bin/sh\n[ \"$1\" = --version ] && exit 0\nexec sleep 60\n");
        hung.toFile().setExecutable(true);
        EspeakSpeechRenderer r = new EspeakSpeechRenderer(dir, hung.toString(), "sox", 1);
        assertTrue(r.available());
        long start = System.nanoTime();
        assertTrue(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> r.render("玉米", Lang.ZH)).isEmpty());
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(ms < 5_000, "gave up after the 1 s limit, took " + ms + " ms");
    }
}
