package org.sandian.channels.tv;

import java.time.Instant;

/** One item on the board and in the feeds: a headline and a detail, with a stable id and a date. */
public record TvLine(String guid, String head, String detail, String link, Instant date) {

    /** As one caption line: no line breaks inside. */
    public String caption() {
        String s = detail == null || detail.isBlank() ? head : head + "  " + detail;
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
