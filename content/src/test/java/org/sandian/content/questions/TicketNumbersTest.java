package org.sandian.content.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketNumbersTest {

    @Test
    void numbersAreSevenDigitsWithACheckDigit() {
        assertEquals("1000009", TicketNumbers.format(1));
        assertEquals("1000017", TicketNumbers.format(2));
        assertEquals(8, TicketNumbers.format(900_001).length());
    }

    @Test
    void whatFarmersTypeAroundTheNumberIsIgnored() {
        for (String typed : new String[] {"1000017", " 100 0017 ", "#1000017", "No.1000017", "编号：１００００１７"}) {
            assertEquals(Optional.of("1000017"), TicketNumbers.parse(typed), typed);
        }
    }

    @Test
    void everySingleMistypedDigitIsRejected() {
        String good = TicketNumbers.format(12_345);
        Set<String> accepted = new HashSet<>();
        for (int i = 0; i < good.length(); i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d == good.charAt(i)) continue;
                String typo = good.substring(0, i) + d + good.substring(i + 1);
                TicketNumbers.parse(typo).ifPresent(accepted::add);
            }
        }
        assertTrue(accepted.isEmpty(), "typos accepted: " + accepted);
        assertEquals(Optional.empty(), TicketNumbers.parse("12345"));
        assertEquals(Optional.empty(), TicketNumbers.parse("状态"));
        assertEquals(Optional.empty(), TicketNumbers.parse(null));
    }
}
