package org.sandian.channels.sms.mt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
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

    @Test
    void nonNumericIdsMatchIgnoringCase() {
        assertTrue(match("MSG-ab12-x", "msg-AB12-X"));
    }
}
