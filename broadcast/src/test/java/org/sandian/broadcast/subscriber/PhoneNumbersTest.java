package org.sandian.broadcast.subscriber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "+86 138-0013-8000", "008613800138000", "+8613800138000",
            "8613800138000", " 138 0013 8000 ", "１３８００１３８０００", "(+86) 138.0013.8000"})
    void everyWayOfWritingAChineseMobileGivesOneE164Number(String raw) {
        assertEquals("+8613800138000", PhoneNumbers.normalize(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "hello", "1380013800", "138001380001", "12800138000", "02788888888",
            "+86 2788888888", "13800l38000", "+1", "138-0013-800x"})
    void junkIsRejectedWithAReason(String raw) {
        InvalidPhoneNumberException e = assertThrows(InvalidPhoneNumberException.class, () -> PhoneNumbers.normalize(raw));
        assertFalse(e.reason().isBlank());
        assertTrue(e.getMessage().startsWith("invalid phone number"));
    }

    @Test
    void foreignNumbersNeedAnExplicitPlus() {
        assertEquals("+441632960961", PhoneNumbers.normalize("+44 1632 960961"));
        assertEquals("+441632960961", PhoneNumbers.normalize("00441632960961"));
    }
}
