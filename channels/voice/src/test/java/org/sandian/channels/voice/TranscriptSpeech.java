package org.sandian.channels.voice;

import java.util.Optional;
import org.sandian.channels.voice.speech.SpeechRenderer;
import org.sandian.content.model.Lang;

/**
 * Speech for call tests: the "file" is the text itself ({@code say/zh/...}), so a test reads what the
 * caller would hear in the STREAM FILE command. The espeak renderer has its own test.
 */
final class TranscriptSpeech implements SpeechRenderer {

    static final String PREFIX = "say/";
    /** Every text asked for, in order of first request. */
    final java.util.Set<String> rendered = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public Optional<String> render(String text, Lang lang) {
        rendered.add(text);
        return Optional.of(PREFIX + lang.code() + "/" + text);
    }

    @Override
    public boolean available() {
        return true;
    }

    static String text(String file) {
        return file.substring(file.indexOf('/', PREFIX.length()) + 1);
    }
}
