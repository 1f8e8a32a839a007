package org.sandian.channels.sms.mt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmscIdsTest {

    private static boolean match(String a, String b) {
        return !Collections.disjoint(SmscIds.keys(a), SmscIds.keys(b));
    }

    @Test
    void hexSubmitIdMatchesDecimalReceiptId() {
        assertTrue(match("00A1B2C1", "10597057"));
        assertTrue(match("a1b2c1", "10597057"));
    }

    @Test
    void leadingZerosDoNotMatter() {
        assertTrue(match("0000012345", "12345"));
        assertTrue(match("00ff", "FF"));
    }

    @Test
    void numericIdsMatchInEitherReading() {
        assertTrue(match("12345678", "305419896")); // 0x12345678 given in decimal
    }

    @Test
    void differentIdsDoNotMatch() {
        assertFalse(match("00A1B2C1", "10597058"));
        assertFalse(match("abc-1", "abc-2"));
    }

    /** Spellings of random numbers as SMSCs give them, and some ids that are not numbers. */
    private static List<String> spellings() {
        List<String> ids = new ArrayList<>(List.of("1a", "38", "26", "0x1A", "MSG-ab12-x", "msg-AB12-X", "abc-1", " 0042 "));
        Random random = new Random(7);
        for (int i = 0; i < 60; i++) {
            BigInteger v = BigInteger.valueOf(random.nextInt(1 << (4 + random.nextInt(24))));
            ids.add(v.toString());
            ids.add("00" + v);
            ids.add(v.toString(16));
            ids.add(v.toString(16).toUpperCase(Locale.ROOT));
            ids.add("0x" + v.toString(16));
            ids.add(new BigInteger(v.toString(), 16).toString()); // the SMSC read a digit id as hex
        }
        return ids;
    }

    /**
     * One index entry per part finds exactly what the two readings found: for every pair of
     * spellings, the submit id's primary key is among the receipt id's lookups iff they match.
     */
    @Test
    void primaryKeyIsFoundExactlyWhenTheIdsMatch() {
        List<String> ids = spellings();
        int matches = 0;
        for (String submit : ids) {
            for (String receipt : ids) {
                boolean expected = match(submit, receipt);
                assertEquals(expected, SmscIds.lookups(receipt).contains(SmscIds.primary(submit)),
                        "submit " + submit + ", receipt " + receipt);
                if (expected) matches++;
            }
        }
        assertTrue(matches > ids.size(), "the spellings must include matching pairs, got " + matches);
    }

    /** Entries written before, under every reading of the submit id, are found exactly as before. */
    @Test
    void entriesIndexedUnderEveryReadingAreStillFound() {
        List<String> ids = spellings();
        for (String submit : ids) {
            for (String receipt : ids) {
                assertEquals(match(submit, receipt), !Collections.disjoint(SmscIds.lookups(receipt), SmscIds.keys(submit)),
                        "submit " + submit + ", receipt " + receipt);
            }
        }
    }

    @Test
    void nonNumericIdsMatchIgnoringCase() {
        assertTrue(match("MSG-ab12-x", "msg-AB12-X"));
    }
}
