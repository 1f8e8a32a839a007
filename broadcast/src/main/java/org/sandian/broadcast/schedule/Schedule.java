package org.sandian.broadcast.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * When a broadcast goes out: now (as soon as it is approved), once at an instant, or every day,
 * week or month at a local time of the hub's zone. Local times are turned into instants with
 * {@link ZonedDateTime#of}, so a daylight-saving gap moves the time forward and an overlap takes
 * the earlier offset: each local day fires exactly once, whatever the zone's rules.
 *
 * @param at         for AT: the instant
 * @param time       for DAILY, WEEKLY, MONTHLY: the local time (HH:MM)
 * @param dayOfWeek  for WEEKLY
 * @param dayOfMonth for MONTHLY: 1-31; a month without that day fires on its last day
 */
public record Schedule(Kind kind, Instant at, LocalTime time, DayOfWeek dayOfWeek, Integer dayOfMonth) {

    public enum Kind { NOW, AT, DAILY, WEEKLY, MONTHLY }

    public Schedule {
        if (kind == null) throw new IllegalArgumentException("schedule kind is required");
        switch (kind) {
            case AT:
                if (at == null) throw new IllegalArgumentException("schedule AT needs 'at'");
                break;
            case DAILY:
            case WEEKLY:
            case MONTHLY:
                if (time == null) throw new IllegalArgumentException("schedule " + kind + " needs 'time' (HH:MM)");
                if (kind == Kind.WEEKLY && dayOfWeek == null) throw new IllegalArgumentException("WEEKLY needs 'dayOfWeek'");
                if (kind == Kind.MONTHLY && (dayOfMonth == null || dayOfMonth < 1 || dayOfMonth > 31)) {
                    throw new IllegalArgumentException("MONTHLY needs 'dayOfMonth' 1-31");
                }
                break;
            default:
                break;
        }
    }

    public static Schedule now() {
        return new Schedule(Kind.NOW, null, null, null, null);
    }

    public static Schedule at(Instant at) {
        return new Schedule(Kind.AT, at, null, null, null);
    }

    public static Schedule daily(LocalTime time) {
        return new Schedule(Kind.DAILY, null, time, null, null);
    }

    public static Schedule weekly(DayOfWeek day, LocalTime time) {
        return new Schedule(Kind.WEEKLY, null, time, day, null);
    }

    public static Schedule monthly(int dayOfMonth, LocalTime time) {
        return new Schedule(Kind.MONTHLY, null, time, null, dayOfMonth);
    }

    public boolean isRecurring() {
        return kind == Kind.DAILY || kind == Kind.WEEKLY || kind == Kind.MONTHLY;
    }

    /**
     * The first firing at or after {@code from}: NOW gives {@code from} itself, AT its instant
     * (even if past: it is then due at once), a recurring schedule its next local time.
     */
    public Instant firstFrom(Instant from, ZoneId zone) {
        switch (kind) {
            case NOW:
                return from;
            case AT:
                return at;
            default:
                return nextAfter(from.minusNanos(1), zone);
        }
    }

    /** The firing strictly after {@code after}, or null when there is none (NOW, AT). */
    public Instant nextAfter(Instant after, ZoneId zone) {
        if (!isRecurring()) return null;
        LocalDate day = after.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < 800; i++, day = day.plusDays(1)) {
            if (!firesOn(day)) continue;
            Instant fire = ZonedDateTime.of(day, time, zone).toInstant();
            if (fire.isAfter(after)) return fire;
        }
        throw new IllegalStateException("no firing found for " + this);
    }

    private boolean firesOn(LocalDate day) {
        switch (kind) {
            case DAILY:
                return true;
            case WEEKLY:
                return day.getDayOfWeek() == dayOfWeek;
            case MONTHLY:
                int last = day.with(TemporalAdjusters.lastDayOfMonth()).getDayOfMonth();
                return day.getDayOfMonth() == Math.min(dayOfMonth, last);
            default:
                return false;
        }
    }
}
