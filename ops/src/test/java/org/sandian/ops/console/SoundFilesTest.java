package org.sandian.ops.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console serves sounds from the sounds directory only, on a real file system. */
class SoundFilesTest {

    @Test
    void onlyWavFilesInsideTheSoundsDirectoryAreFound() throws Exception {
        Path base = Files.createTempDirectory("sound-files");
        Path sounds = Files.createDirectories(base.resolve("sounds"));
        Files.createDirectories(sounds.resolve("tts"));
        Files.writeString(sounds.resolve("tts/abc.wav"), "RIFF");
        Files.writeString(base.resolve("secret.wav"), "RIFF");
        Files.writeString(sounds.resolve("tts/notes.txt"), "x");
        Files.createSymbolicLink(sounds.resolve("tts/escape.wav"), base.resolve("secret.wav"));
        SoundFiles files = new SoundFiles(sounds);

        assertEquals(Optional.of(sounds.resolve("tts/abc.wav").toRealPath()), files.wav("tts/abc"));
        assertTrue(files.wav("../secret").isEmpty(), "no way up");
        assertTrue(files.wav("tts/../../secret").isEmpty(), "no way up inside the name");
        assertTrue(files.wav(base.resolve("secret").toString()).isEmpty(), "no absolute name");
        assertTrue(files.wav("tts/escape").isEmpty(), "no way out through a link");
        assertTrue(files.wav("tts/notes").isEmpty(), "wav only");
        assertTrue(files.wav(null).isEmpty());

        assertEquals("tts/abc", files.nameOf(sounds.resolve("tts/abc").toString()), "speech is named by its absolute path");
        assertEquals("sandian/main-zh", files.nameOf("sandian/main-zh"));
        assertNull(files.nameOf("/var/lib/asterisk/sounds/x"), "outside the directory");
        assertNull(files.nameOf("../x"));
    }
}
