package org.sandian.channels.voice.menu;

import org.sandian.content.model.Lang;

/**
 * A static prompt: recorded as {@code <file>-zh} / {@code <file>-en} in the sounds directory, and
 * its text, which speech synthesis says when it is on.
 */
public record Prompt(String file, String zh, String en) {

    public String text(Lang lang) {
        return lang == Lang.EN ? en : zh;
    }

    public String sound(Lang lang) {
        return file + "-" + lang.code();
    }

    /** What is missing to play it in both languages, with and without synthesis; empty if nothing. */
    public String missing() {
        StringBuilder out = new StringBuilder();
        if (file == null || file.isBlank()) out.append(" file");
        if (zh == null || zh.isBlank()) out.append(" zh");
        if (en == null || en.isBlank()) out.append(" en");
        return out.toString().strip();
    }
}
