package org.sandian.channels.voice.speech;

import org.sandian.content.model.Lang;

/** One piece of what a caller hears; each becomes one AGI command that a key can interrupt. */
public sealed interface Part {

    /** Text spoken through the {@link SpeechRenderer}. */
    record Speech(String text, Lang lang) implements Part {
    }

    /** A recorded sound file, by the name Asterisk knows it (no extension). */
    record Sound(String name) implements Part {
    }

    /** SAY NUMBER, for a whole number when there is no speech synthesis. */
    record Number(String digits) implements Part {
    }

    /** SAY DIGITS, for ticket numbers and codes when there is no speech synthesis. */
    record Digits(String digits) implements Part {
    }
}
