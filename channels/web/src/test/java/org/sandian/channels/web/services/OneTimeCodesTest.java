package org.sandian.channels.web.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class OneTimeCodesTest {

    static final String PHONE = "+8613800138000";

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-05-01T02:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void codeWorksOnceForItsPhoneAndPurpose() {
        OneTimeCodes codes = new OneTimeCodes(new HandClock(), Duration.ofMinutes(10));
        String code = codes.issue(PHONE, "subscribe");
        assertTrue(code.matches("\\d{6}"));
        assertEquals(OneTimeCodes.Check.NONE, codes.verify(PHONE, "ask", code), "another purpose");
        assertEquals(OneTimeCodes.Check.NONE, codes.verify("+8613900139000", "subscribe", code), "another phone");
        assertEquals(OneTimeCodes.Check.OK, codes.verify(PHONE, "subscribe", " " + code + " "));
        assertEquals(OneTimeCodes.Check.NONE, codes.verify(PHONE, "subscribe", code), "used up");
    }

    @Test
    void codeExpiresAfterItsTime() {
        HandClock clock = new HandClock();
        OneTimeCodes codes = new OneTimeCodes(clock, Duration.ofMinutes(10));
        String code = codes.issue(PHONE, "ask");
        clock.now = clock.now.plus(Duration.ofMinutes(10)).plusSeconds(1);
        assertEquals(OneTimeCodes.Check.EXPIRED, codes.verify(PHONE, "ask", code));
    }

    @Test
    void fiveWrongTriesBurnTheCode() {
        OneTimeCodes codes = new OneTimeCodes(new HandClock(), Duration.ofMinutes(10));
        String code = codes.issue(PHONE, "ask");
        String wrong = code.equals("123456") ? "654321" : "123456";
        for (int i = 1; i < OneTimeCodes.MAX_ATTEMPTS; i++) assertEquals(OneTimeCodes.Check.WRONG, codes.verify(PHONE, "ask", wrong));
        assertEquals(OneTimeCodes.Check.EXPIRED, codes.verify(PHONE, "ask", wrong));
        assertEquals(OneTimeCodes.Check.NONE, codes.verify(PHONE, "ask", code));
    }

    @Test
    void aNewCodeReplacesTheOld() {
        OneTimeCodes codes = new OneTimeCodes(new HandClock(), Duration.ofMinutes(10));
        String first = codes.issue(PHONE, "ask");
        String second;
        do {
            second = codes.issue(PHONE, "ask");
        } while (second.equals(first));
        assertNotEquals(OneTimeCodes.Check.OK, codes.verify(PHONE, "ask", first));
        assertEquals(OneTimeCodes.Check.OK, codes.verify(PHONE, "ask", second));
    }

    @Test
    void rateLimiterSlidesItsWindow() {
        HandClock clock = new HandClock();
        RateLimiter limiter = new RateLimiter(2, Duration.ofHours(1), clock);
        assertTrue(limiter.tryAcquire("a"));
        assertTrue(limiter.tryAcquire("a"));
        assertFalse(limiter.tryAcquire("a"));
        assertTrue(limiter.tryAcquire("b"));
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        assertTrue(limiter.tryAcquire("a"));
    }

    @Test
    void phoneNumbersBecomeE164() {
        assertEquals(PHONE, PhoneNumbers.e164("138 0013 8000"));
        assertEquals(PHONE, PhoneNumbers.e164("+86-138-0013-8000"));
        assertEquals(PHONE, PhoneNumbers.e164("8613800138000"));
        assertEquals(PHONE, PhoneNumbers.e164("008613800138000"));
        assertEquals(null, PhoneNumbers.e164("12345"));
        assertEquals(null, PhoneNumbers.e164("+8612345"));
    }
}
