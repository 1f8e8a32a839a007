package org.sandian.channels.voice.menu;

import java.util.List;

/** A menu document that cannot be used; the message names every problem found. */
public final class MenuException extends RuntimeException {

    private final List<String> problems;

    public MenuException(String menu, List<String> problems) {
        super("voice menu " + menu + " is invalid: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
