package org.sandian.broadcast.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SmsPartsTest {

    @Test
    void partsFollowGsm7AndUcs2Limits() {
        assertEquals(1, SmsParts.count("a".repeat(160)));
        assertEquals(2, SmsParts.count("a".repeat(161)));
        assertEquals(3, SmsParts.count("a".repeat(307)));
        assertEquals(1, SmsParts.count("玉".repeat(70)));
        assertEquals(2, SmsParts.count("玉".repeat(71)));
        assertEquals(3, SmsParts.count("a".repeat(159) + "玉"), "one Chinese character makes it all UCS-2: 160 / 67");
        assertEquals(2, SmsParts.count("€".repeat(81)), "extension characters take two septets");
    }
}
