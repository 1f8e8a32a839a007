package org.sandian.content.answer;

import java.time.LocalDate;
import java.util.List;

/** The farming season of a date, as guidance items name it: spring, summer, autumn, winter. */
public final class Seasons {

    public static final String ALL = "all";
    private static final List<String> ORDER = List.of("spring", "summer", "autumn", "winter");

    private Seasons() {
    }

    /**
     * How far an item's season is from {@code now}, for ordering advice: 0 this season, 1 all year,
     * then the coming seasons before the ones just past (autumn: winter 2, spring 3, summer 4).
     * An unknown season comes last.
     */
    public static int distance(String now, String season) {
        if (now.equals(season)) return 0;
        if (ALL.equals(season)) return 1;
        int from = ORDER.indexOf(now);
        int to = ORDER.indexOf(season);
        if (from < 0 || to < 0) return ORDER.size() + 1;
        return 1 + Math.floorMod(to - from, ORDER.size());
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
