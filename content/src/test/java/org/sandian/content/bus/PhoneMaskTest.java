package org.sandian.content.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PhoneMaskTest {

    @Test
    void chineseMobileKeepsCountryPrefixAndLastFourDigits() {
        assertEquals("+86138****8000", PhoneMask.mask("+8613800138000"));
        assertEquals("138****1234", PhoneMask.mask("13812341234"));
    }

    @Test
    void shortNumbersAreHiddenWhole() {
        assertEquals("*****", PhoneMask.mask("12345"));
        assertEquals("", PhoneMask.mask(""));
        assertNull(PhoneMask.mask(null));
    }
}
