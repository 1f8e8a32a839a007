package org.sandian.channels.sms.mo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecentPdusTest {

    @Test
    void samePduOnANewSessionAfterTheOldOneDiedIsARedelivery() {
        RecentPdus r = new RecentPdus(30_000);
        assertFalse(r.redelivered("f1", "s1", 1_000));
        r.sessionClosed("s1", 2_000);
        assertTrue(r.redelivered("f1", "s2", 2_500));
    }

    @Test
    void sameTextTwiceOnTheSameSessionIsTwoMessages() {
        RecentPdus r = new RecentPdus(30_000);
        assertFalse(r.redelivered("f1", "s1", 1_000));
        assertFalse(r.redelivered("f1", "s1", 1_500));
    }

    @Test
    void sameTextOnTwoLiveBindsIsTwoMessages() {
        RecentPdus r = new RecentPdus(30_000);
        assertFalse(r.redelivered("f1", "s1", 1_000));
        assertFalse(r.redelivered("f1", "s2", 1_100));
    }

    @Test
    void aPduAnsweredLongBeforeTheDropIsANewMessage() {
        RecentPdus r = new RecentPdus(30_000);
        assertFalse(r.redelivered("f1", "s1", 1_000));
        r.sessionClosed("s1", 600_000);
        assertFalse(r.redelivered("f1", "s2", 600_500));
    }
}
