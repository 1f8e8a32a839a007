package org.sandian.content.questions;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Deadlines counted in working days (Monday to Friday, minus listed holidays) in the office's
 * time zone: a question asked Friday 15:00 is due Tuesday 15:00; one asked Saturday is due Tuesday.
 */
public final class WorkingDays {

    private final ZoneId zone;
    private final Set<LocalDate> holidays;

    public WorkingDays(ZoneId zone, Set<LocalDate> holidays) {
        this.zone = zone;
        this.holidays = Set.copyOf(holidays);
    }

    public static WorkingDays mondayToFriday(ZoneId zone) {
        return new WorkingDays(zone, Set.of());
    }

    /** {@code days} working days after {@code from}, at the same local time of day. */
    public Instant plus(Instant from, int days) {
        ZonedDateTime t = from.atZone(zone);
        for (int left = days; left > 0; ) {
            t = t.plusDays(1);
            if (isWorkingDay(t.toLocalDate())) left--;
        }
        return t.toInstant();
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !holidays.contains(day);
    }
}
