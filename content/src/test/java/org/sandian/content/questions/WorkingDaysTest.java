package org.sandian.content.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @Test
    void fridayAfternoonIsDueTuesdayAfternoon() {
        // 2026-03-06 is a Friday.
        assertEquals(at("2026-03-10T15:00"), WorkingDays.mondayToFriday(SHANGHAI).plus(at("2026-03-06T15:00"), 2));
    }

    @Test
    void weekendQuestionIsDueTuesday() {
        assertEquals(at("2026-03-10T10:00"), WorkingDays.mondayToFriday(SHANGHAI).plus(at("2026-03-07T10:00"), 2));
    }

    @Test
    void workingDaysFollowShanghaiNotUtc() {
        // Friday 07:00 in Shanghai is still Thursday in UTC: counted from Friday all the same.
        assertEquals(at("2026-03-10T07:00"), WorkingDays.mondayToFriday(SHANGHAI).plus(at("2026-03-06T07:00"), 2));
    }

    @Test
    void holidaysAreSkipped() {
        WorkingDays days = new WorkingDays(SHANGHAI, Set.of(LocalDate.of(2026, 3, 9)));
        assertEquals(at("2026-03-11T15:00"), days.plus(at("2026-03-06T15:00"), 2));
    }
}
