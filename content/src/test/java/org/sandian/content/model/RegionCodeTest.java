package org.sandian.content.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionCodeTest {

    static final String HUBEI = "420000000000";
    static final String WUHAN = "420100000000";
    static final String JIANGXIA = "420115000000";
    static final String HONGSHAN = "420111000000";
    static final String QIANJIANG = "429005000000";
    static final String XIONGKOU = "429005104000";
    static final String ZHAONAO = "429005104201";
    static final String HUNAN = "430000000000";

    @Test
    void onlyTwelveDigitsMakeACode() {
        assertTrue(RegionCode.isValid(HUBEI));
        assertTrue(RegionCode.isValid(ZHAONAO));
        assertFalse(RegionCode.isValid("42000000000"));
        assertFalse(RegionCode.isValid("4200000000000"));
        assertFalse(RegionCode.isValid("42010000000a"));
        assertFalse(RegionCode.isValid("000000000000"));
        assertFalse(RegionCode.isValid(null));
    }

    @Test
    void theLevelIsTheLastNonZeroGroup() {
        assertEquals(RegionLevel.PROVINCE, RegionCode.levelOf(HUBEI));
        assertEquals(RegionLevel.CITY, RegionCode.levelOf(WUHAN));
        assertEquals(RegionLevel.COUNTY, RegionCode.levelOf(JIANGXIA));
        // 潜江 is a county-level city under the province's "90" group.
        assertEquals(RegionLevel.COUNTY, RegionCode.levelOf(QIANJIANG));
        assertEquals(RegionLevel.TOWNSHIP, RegionCode.levelOf(XIONGKOU));
        assertEquals(RegionLevel.VILLAGE, RegionCode.levelOf(ZHAONAO));
        assertThrows(IllegalArgumentException.class, () -> RegionCode.levelOf("4201"));
    }

    @Test
    void prefixKeepsTheSignificantDigits() {
        assertEquals("42", RegionCode.prefix(HUBEI));
        assertEquals("4201", RegionCode.prefix(WUHAN));
        assertEquals("429005104", RegionCode.prefix(XIONGKOU));
        assertEquals(ZHAONAO, RegionCode.prefix(ZHAONAO));
    }

    @Test
    void aVillageLiesWithinEachOfItsAncestorsAndNoOtherRegion() {
        for (String ancestor : List.of(ZHAONAO, XIONGKOU, QIANJIANG, HUBEI)) {
            assertTrue(RegionCode.isWithin(ZHAONAO, ancestor), ancestor);
        }
        assertFalse(RegionCode.isWithin(ZHAONAO, HUNAN));
        assertFalse(RegionCode.isWithin(ZHAONAO, WUHAN));
        assertFalse(RegionCode.isWithin(HUBEI, QIANJIANG), "a province is not within its county");
        assertFalse(RegionCode.isWithin(HONGSHAN, JIANGXIA), "sibling districts share digits but not a prefix");
        assertFalse(RegionCode.isWithin("bad", HUBEI));
    }

    @Test
    void parentsClimbFromVillageToProvince() {
        List<String> chain = new ArrayList<>();
        for (String c = ZHAONAO; c != null; c = RegionCode.parentOf(c)) chain.add(c);
        assertEquals(List.of(ZHAONAO, XIONGKOU, QIANJIANG, "429000000000", HUBEI), chain);
        assertEquals(WUHAN, RegionCode.parentOf(JIANGXIA));
        assertNull(RegionCode.parentOf(HUNAN));
    }
}
