package org.sandian.broadcast.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void weeklyFiresMondayAtLocalTime() {
        Schedule s = Schedule.weekly(DayOfWeek.MONDAY, LocalTime.of(7, 30));
        Instant first = s.firstFrom(Instant.parse("2026-11-22T00:00:00Z"), SHANGHAI); // a Sunday
        assertEquals(Instant.parse("2026-11-22T23:30:00Z"), first); // Monday 07:30 +08:00
        assertEquals(Instant.parse("2026-11-29T23:30:00Z"), s.nextAfter(first, SHANGHAI));
    }

    @Test
    void dailyKeepsItsLocalTimeAcrossDaylightSavingChanges() {
        Schedule s = Schedule.daily(LocalTime.of(7, 30));
        Instant beforeSpring = Instant.parse("2026-03-07T12:30:00Z"); // Sat 07:30 EST
        Instant next = s.nextAfter(beforeSpring, NEW_YORK);
        assertEquals(Instant.parse("2026-03-08T11:30:00Z"), next, "Sunday 07:30 EDT");
        Instant autumn = s.nextAfter(Instant.parse("2026-10-31T11:30:00Z"), NEW_YORK);
        assertEquals(Instant.parse("2026-11-01T12:30:00Z"), autumn, "07:30 EST after the clocks went back");
    }

    @Test
    void aTimeInTheSpringGapFiresOnceJustAfterIt() {
        Schedule s = Schedule.daily(LocalTime.of(2, 30));
        Instant fire = s.nextAfter(Instant.parse("2026-03-07T08:00:00Z"), NEW_YORK);
        assertEquals(Instant.parse("2026-03-08T07:30:00Z"), fire, "02:30 does not exist: 03:30 EDT");
        assertEquals(Instant.parse("2026-03-09T06:30:00Z"), s.nextAfter(fire, NEW_YORK));
    }

    @Test
    void anAmbiguousAutumnTimeFiresOnce() {
        Schedule s = Schedule.daily(LocalTime.of(1, 30));
        Instant fire = s.nextAfter(Instant.parse("2026-10-31T12:00:00Z"), NEW_YORK);
        assertEquals(Instant.parse("2026-11-01T05:30:00Z"), fire, "the first 01:30 (EDT)");
        assertEquals(Instant.parse("2026-11-02T06:30:00Z"), s.nextAfter(fire, NEW_YORK), "not again an hour later");
    }

    @Test
    void monthlyOnThe31stFiresOnTheLastDayOfShortMonths() {
        Schedule s = Schedule.monthly(31, LocalTime.of(8, 0));
        Instant feb = s.nextAfter(Instant.parse("2027-02-01T00:00:00Z"), SHANGHAI);
        assertEquals(Instant.parse("2027-02-28T00:00:00Z"), feb);
        assertEquals(Instant.parse("2027-03-31T00:00:00Z"), s.nextAfter(feb, SHANGHAI));
    }

    @Test
    void quietHoursSpanMidnight() {
        QuietHours q = new QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0));
        assertTrue(q.isQuiet(Instant.parse("2026-11-22T14:00:00Z"), SHANGHAI)); // 22:00
        assertTrue(q.isQuiet(Instant.parse("2026-11-22T22:59:00Z"), SHANGHAI)); // 06:59
        assertFalse(q.isQuiet(Instant.parse("2026-11-22T23:00:00Z"), SHANGHAI)); // 07:00
        assertEquals(Instant.parse("2026-11-22T23:00:00Z"), q.endAfter(Instant.parse("2026-11-22T14:00:00Z"), SHANGHAI));
    }
}
