package org.sandian.channels.sms.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sandian.content.testing.MutableClock;

class PageBufferTest {

    private static final String FARMER = "+8613800000001";
    private static final String NEIGHBOUR = "+8613800000002";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T02:00:00Z"));
    private final PageBuffer pages = new PageBuffer(Duration.ofMinutes(30), clock);

    @Test
    void pagesComeOneByOneThenNothing() {
        pages.keep(FARMER, List.of("page 2", "page 3"));
        assertEquals("page 2", pages.next(FARMER));
        assertEquals("page 3", pages.next(FARMER));
        assertNull(pages.next(FARMER));
        assertEquals(0, pages.size());
    }

    @Test
    void expiredPagesAreSweptOutEvenWhenFewRepliesFollow() {
        pages.keep(FARMER, List.of("page 2"));
        clock.advance(Duration.ofMinutes(31));
        pages.keep(NEIGHBOUR, List.of("page 2"));
        assertEquals(1, pages.size(), "the first farmer's pages expired and were swept out");
        assertNull(pages.next(FARMER));
        assertEquals("page 2", pages.next(NEIGHBOUR));
    }

    @Test
    void pagesStillKeptAreNotSweptOut() {
        pages.keep(FARMER, List.of("page 2"));
        clock.advance(Duration.ofMinutes(29));
        pages.keep(NEIGHBOUR, List.of("page 2"));
        assertEquals(2, pages.size());
        assertEquals("page 2", pages.next(FARMER));
    }
}
