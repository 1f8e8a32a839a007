package org.sandian.channels.sms.mo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RecentPdusTest {

    private final RecentPdus r = new RecentPdus(30_000, 1_000);

    private void storedPromptly(String fp, String session, long at) {
        r.finish(r.begin(fp, session, at), true, at + 10);
    }

    @Test
    void samePduOnANewSessionAfterTheOldOneDiedIsARedelivery() {
        storedPromptly("f1", "s1", 1_000);
        r.sessionClosed("s1", 2_000);
        assertNull(r.begin("f1", "s2", 2_500));
    }

    @Test
    void sameTextTwiceAnsweredPromptlyOnTheSameSessionIsTwoMessages() {
        storedPromptly("f1", "s1", 1_000);
        assertNotNull(r.begin("f1", "s1", 1_500));
    }

    @Test
    void sameTextOnTwoLiveBindsIsTwoMessages() {
        storedPromptly("f1", "s1", 1_000);
        assertNotNull(r.begin("f1", "s2", 1_100));
    }

    @Test
    void samePduAfterALateAnswerIsARedeliveryEvenOnTheSameSession() {
        RecentPdus.Ticket t = r.begin("f1", "s1", 1_000);
        r.finish(t, true, 3_500); // the SMSC's timer ran out before our answer
        assertNull(r.begin("f1", "s1", 3_600));
    }

    @Test
    void aCopyWhoseStoreFailedIsStoredWhenItComesAgain() {
        r.finish(r.begin("f1", "s1", 1_000), false, 5_000);
        assertNotNull(r.begin("f1", "s1", 5_100));
    }

    @Test
    void aPduAnsweredLongBeforeTheDropIsANewMessage() {
        storedPromptly("f1", "s1", 1_000);
        r.sessionClosed("s1", 600_000);
        assertNotNull(r.begin("f1", "s2", 600_500));
    }

    @Test
    void aCopyWhoseStoreFailedOrTimedOutComesAgainUnderTheSameId() {
        RecentPdus.Ticket first = r.begin("f1", "s1", 1_000);
        r.finish(first, false, 11_000); // our 10 s wait ran out, the write may still land
        RecentPdus.Ticket again = r.begin("f1", "s1", 11_100);
        assertNotNull(again);
        assertEquals(first.id(), again.id(), "same _id: a late first write makes this one a duplicate");
    }

    @Test
    void sameTextTwiceAsTwoMessagesIsStoredUnderTwoIds() {
        RecentPdus.Ticket first = r.begin("f1", "s1", 1_000);
        r.finish(first, true, 1_010);
        RecentPdus.Ticket second = r.begin("f1", "s1", 120_000);
        assertNotEquals(first.id(), second.id());
        assertNotEquals(first.id(), r.begin("f2", "s1", 120_001).id());
    }
}
