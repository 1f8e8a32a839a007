package org.sandian.channels.sms.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MtSplitterTest {

    private static String repeat(String s, int n) {
        return s.repeat(n);
    }

    private static String join(List<MtPart> parts) {
        StringBuilder sb = new StringBuilder();
        for (MtPart p : parts) {
            int from = p.udh() ? 6 : 0;
            sb.append(MoPayload.decodeText(p.dataCoding(), p.userData(), from, p.userData().length));
        }
        return sb.toString();
    }

    @Test
    void sixtySevenChineseCharsFitOneUcs2Message() {
        List<MtPart> parts = MtSplitter.split(repeat("玉", 67), 1, 10);
        assertEquals(1, parts.size());
        assertEquals(0x08, parts.get(0).dataCoding());
        assertFalse(parts.get(0).udh());
    }

    @Test
    void seventyChineseCharsStillOneMessageSeventyOneMakeTwoParts() {
        assertEquals(1, MtSplitter.split(repeat("玉", 70), 1, 10).size());
        List<MtPart> parts = MtSplitter.split(repeat("玉", 71), 1, 10);
        assertEquals(2, parts.size());
        assertEquals(67, parts.get(0).text().length());
    }

    @Test
    void sixtyEightAndHundredThirtyFourCharsTakeTwoPartsHundredThirtyFiveTakeThree() {
        assertEquals(1, MtSplitter.split(repeat("米", 68), 1, 10).size());
        assertEquals(2, MtSplitter.split(repeat("米", 134), 1, 10).size());
        List<MtPart> three = MtSplitter.split(repeat("米", 135), 7, 10);
        assertEquals(3, three.size());
        assertEquals(repeat("米", 135), join(three));
        byte[] udh = three.get(2).userData();
        assertEquals(5, udh[0]);
        assertEquals(0, udh[1]);
        assertEquals(3, udh[2]);
        assertEquals(7, udh[3]);
        assertEquals(3, udh[4]);
        assertEquals(3, udh[5]);
        assertEquals(6 + 134, three.get(0).userData().length);
    }

    @Test
    void hundredSixtyGsmCharsAreOneMessageHundredSixtyOneAreTwoParts() {
        List<MtPart> one = MtSplitter.split(repeat("a", 160), 1, 10);
        assertEquals(1, one.size());
        assertEquals(0x00, one.get(0).dataCoding());
        assertEquals(160, one.get(0).userData().length);
        List<MtPart> two = MtSplitter.split(repeat("a", 161), 1, 10);
        assertEquals(2, two.size());
        assertEquals(153, two.get(0).text().length());
        assertEquals(6 + 153, two.get(0).userData().length);
    }

    @Test
    void escapePairAtPartBoundaryMovesWholeToNextPart() {
        String text = repeat("a", 152) + "€" + repeat("b", 20);
        List<MtPart> parts = MtSplitter.split(text, 1, 10);
        assertEquals(2, parts.size());
        assertEquals(repeat("a", 152), parts.get(0).text());
        assertTrue(parts.get(1).text().startsWith("€"));
        assertEquals(text, join(parts));
    }

    @Test
    void escapesCountTwoSeptetsSoEightyEurosNeedTwoParts() {
        assertEquals(1, MtSplitter.split(repeat("€", 80), 1, 10).size());
        assertEquals(2, MtSplitter.split(repeat("€", 81), 1, 10).size());
    }

    @Test
    void surrogatePairIsNeverCutInHalf() {
        String text = repeat("玉", 66) + "😀" + repeat("米", 10);
        List<MtPart> parts = MtSplitter.split(text, 1, 10);
        assertEquals(repeat("玉", 66), parts.get(0).text());
        assertTrue(parts.get(1).text().startsWith("😀"));
        assertEquals(text, join(parts));
    }

    @Test
    void oneChineseCharMakesTheWholeMessageUcs2() {
        List<MtPart> parts = MtSplitter.split("PRICE MAIZE 玉米 2.35", 1, 10);
        assertEquals(0x08, parts.get(0).dataCoding());
        assertEquals("PRICE MAIZE 玉米 2.35", new String(parts.get(0).userData(), StandardCharsets.UTF_16BE));
    }

    @Test
    void textPastMaxPartsIsCut() {
        List<MtPart> parts = MtSplitter.split(repeat("米", 400), 1, 3);
        assertEquals(3, parts.size());
        assertEquals(6, MtSplitter.partsNeeded(repeat("米", 400)));
    }
}
