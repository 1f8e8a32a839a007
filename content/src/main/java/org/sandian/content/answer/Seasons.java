package org.sandian.content.answer;

import java.time.LocalDate;

/** The farming season of a date, as guidance items name it: spring, summer, autumn, winter. */
public final class Seasons {

    public static final String ALL = "all";

    private Seasons() {
    }

    public static String of(LocalDate day) {
        return switch (day.getMonthValue()) {
            case 3, 4, 5 -> "spring";
            case 6, 7, 8 -> "summer";
            case 9, 10, 11 -> "autumn";
            default -> "winter";
        };
    }
}
