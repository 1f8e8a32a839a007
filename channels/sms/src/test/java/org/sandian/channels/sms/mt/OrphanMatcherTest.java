package org.sandian.channels.sms.mt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sandian.channels.sms.codec.MtSplitter;
import org.sandian.channels.sms.mo.Receipt;
import org.sandian.channels.sms.mt.OrphanReceipts.Orphan;
import org.sandian.content.bus.OutboundSms.Priority;

class OrphanMatcherTest {

    private static Mt mt(String id, String to, String text) {
        var parts = MtSplitter.split(text, 1, 6);
        return new Mt(id, to, Priority.BULK, parts, new String[parts.size()], new String[parts.size()], 0);
    }

    /** Every part of these MTs, as a restart takes them back. */
    private static List<MtOutbox.Job> parts(Mt... mts) {
        List<MtOutbox.Job> jobs = new ArrayList<>();
        for (Mt mt : mts) for (int i = 0; i < mt.parts.size(); i++) jobs.add(new MtOutbox.Job(mt, i));
        return jobs;
    }

    private static Orphan orphan(String id, String from, String text) {
        return new Orphan(new Receipt(id, "DELIVRD", "000", from, text), Instant.now());
    }

    @Test
    void theHandsetMatchesWithOrWithoutCountryCodeAndPlus() {
        Mt a = mt("a", "+8613800000041", "Frost tonight");
        List<OrphanMatcher.Match> m = OrphanMatcher.match(parts(a), List.of(orphan("9", "13800000041", "Frost tonight")));
        assertEquals(1, m.size());
        assertEquals(0, m.get(0).part());
        assertTrue(OrphanMatcher.match(parts(a), List.of(orphan("9", "8613800000042", "Frost tonight"))).isEmpty(),
                "another handset");
    }

    @Test
    void aReadableTextMustBeThePartsAndQuestionMarksStandForWhatTheSmscCouldNotShow() {
        assertTrue(OrphanMatcher.textFits("霜冻预警 Frost", "???? Frost"));
        assertFalse(OrphanMatcher.textFits("Frost tonight", "Rain tomorrow"));
        assertTrue(OrphanMatcher.textFits("anything", ""), "no text: the handset decides");
        Mt a = mt("a", "+8613800000043", "Frost tonight");
        assertTrue(OrphanMatcher.match(parts(a), List.of(orphan("9", "8613800000043", "Rain tomorrow"))).isEmpty());
    }

    @Test
    void twoMessagesToTheHandsetThatTheReceiptCouldBelongToGetNeither() {
        Mt a = mt("a", "+8613800000044", "霜冻预警");
        Mt b = mt("b", "+8613800000044", "寒潮预警");
        assertTrue(OrphanMatcher.match(parts(a, b), List.of(orphan("9", "8613800000044", "????"))).isEmpty(),
                "sending one twice is better than not sending one at all");
        List<OrphanMatcher.Match> told = OrphanMatcher.match(parts(a, b),
                List.of(orphan("9", "8613800000044", "霜冻预警")));
        assertEquals(1, told.size(), "a readable text tells them apart");
        assertEquals("a", told.get(0).mt().id);
    }

    @Test
    void receiptsOfAManyPartMessageTakeItsPartsInOrder() {
        Mt a = mt("a", "+8613800000045", "霜冻预警：今夜至明晨全县最低气温降至零下三度，请及时覆盖油菜苗床，蔬菜大棚夜间加盖草帘保温，"
                + "柑橘园灌水防冻，注意收听后续天气预报。县农业农村局");
        assertEquals(2, a.parts.size());
        List<OrphanMatcher.Match> m = OrphanMatcher.match(parts(a),
                List.of(orphan("8", "8613800000045", "????"), orphan("9", "8613800000045", "????")));
        assertEquals(List.of(0, 1), m.stream().map(OrphanMatcher.Match::part).toList());
    }
}
