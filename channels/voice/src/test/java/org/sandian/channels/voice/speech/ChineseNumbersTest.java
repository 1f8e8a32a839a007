package org.sandian.channels.voice.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "0, 零", "7, 七", "10, 十", "15, 十五", "20, 二十", "105, 一百零五", "110, 一百一十", "1000, 一千",
            "1010, 一千零一十", "1001, 一千零一", "10000, 一万", "10050, 一万零五十", "20305, 二万零三百零五",
            "100000005, 一亿零五", "123456789, 一亿二千三百四十五万六千七百八十九"})
    void wholeNumbersAreReadTheChineseWay(long n, String words) {
        assertEquals(words, ChineseNumbers.integer(n));
    }

    @ParameterizedTest
    @CsvSource({"1.25, 一点二五", "2.30, 二点三", "0.5, 零点五", "14.50, 十四点五", "160.00, 一百六十", "-0.3, 负零点三",
            "10.05, 十点零五"})
    void decimalsAreReadWithDianAndTrailingZerosDropped(String n, String words) {
        assertEquals(words, ChineseNumbers.read(new BigDecimal(n)));
    }

    @ParameterizedTest
    @CsvSource({"2611220007, 二六一一二二零零零七", "305, 三零五"})
    void ticketNumbersAreReadDigitByDigit(String digits, String words) {
        assertEquals(words, ChineseNumbers.digits(digits));
    }

    @ParameterizedTest
    @CsvSource({"元/公斤, 元每公斤", "元/斤, 元每斤", "元, 元"})
    void unitsAreSaidWithMei(String unit, String said) {
        assertEquals(said, ChineseNumbers.unit(unit));
    }
}
