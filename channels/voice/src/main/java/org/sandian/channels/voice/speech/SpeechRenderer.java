package org.sandian.channels.voice.speech;

import java.util.Optional;
import org.sandian.content.model.Lang;

/**
 * Turns text into a sound file Asterisk can play. Implementations cache by text, so asking twice
 * for the same text costs a file lookup.
 */
public interface SpeechRenderer {

    /** The sound's name for STREAM FILE (absolute path without extension), or empty if it cannot speak. */
    Optional<String> render(String text, Lang lang);

    /** What a sound this renderer made says (only sounds it made or found since it started); else empty. */
    default Optional<String> textOf(String sound) {
        return Optional.empty();
    }

    /** False when the synthesiser is missing: callers then hear recorded prompts only. */
    boolean available();

    /** A renderer that never speaks: recorded prompts, SAY NUMBER and SAY DIGITS only. */
    SpeechRenderer NONE = new SpeechRenderer() {
        @Override
        public Optional<String> render(String text, Lang lang) {
            return Optional.empty();
        }

        @Override
        public boolean available() {
            return false;
        }
    };
}
