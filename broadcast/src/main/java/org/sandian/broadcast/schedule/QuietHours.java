package org.sandian.broadcast.schedule;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Hours of the hub's zone when no SMS or call goes out (e.g. 21:00-07:00); messages wait until the
 * end. {@code from} after {@code to} spans midnight.
 */
public record QuietHours(LocalTime from, LocalTime to) {

    public QuietHours {
        if (from == null || to == null || from.equals(to)) throw new IllegalArgumentException("quiet hours need two different times");
    }

    public boolean isQuiet(Instant at, ZoneId zone) {
        LocalTime t = at.atZone(zone).toLocalTime();
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }

    /** When the quiet period containing {@code at} ends ({@code at} itself when not quiet). */
    public Instant endAfter(Instant at, ZoneId zone) {
        if (!isQuiet(at, zone)) return at;
        ZonedDateTime z = at.atZone(zone);
        ZonedDateTime end = ZonedDateTime.of(z.toLocalDate(), to, zone);
        if (!end.toInstant().isAfter(at)) end = ZonedDateTime.of(z.toLocalDate().plusDays(1), to, zone);
        return end.toInstant();
    }
}
