package org.sandian.channels.voice.speech;

import java.math.BigDecimal;

/**
 * Writes numbers as Chinese words for the speech synthesiser, which reads digits poorly: 10 -> 十,
 * 105 -> 一百零五, 1.25 -> 一点二五. Money is read in the 点 style (2.30元 -> 二点三元): one clear
 * style for every price, trailing zeros dropped.
 */
public final class ChineseNumbers {

    private static final char[] DIGITS = {'零', '一', '二', '三', '四', '五', '六', '七', '八', '九'};
    private static final String[] SMALL_UNITS = {"", "十", "百", "千"};
    private static final String[] GROUP_UNITS = {"", "万", "亿", "万亿"};

    private ChineseNumbers() {
    }

    /** Any decimal number: sign, integer part in words, fraction digit by digit after 点. */
    public static String read(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        StringBuilder out = new StringBuilder();
        if (v.signum() < 0) {
            out.append('负');
            v = v.negate();
        }
        String plain = v.toPlainString();
        int dot = plain.indexOf('.');
        out.append(integer(Long.parseLong(dot < 0 ? plain : plain.substring(0, dot))));
        if (dot >= 0) out.append('点').append(digits(plain.substring(dot + 1)));
        return out.toString();
    }

    public static String read(String number) {
        return read(new BigDecimal(number.trim()));
    }

    /** Digit by digit, for ticket numbers and codes: 305 -> 三零五. */
    public static String digits(String digits) {
        StringBuilder out = new StringBuilder();
        for (char c : digits.toCharArray()) {
            if (c >= '0' && c <= '9') out.append(DIGITS[c - '0']);
        }
        return out.toString();
    }

    /** A whole number in words; "一十" at the start is said "十" (10 -> 十, 15 -> 十五). */
    public static String integer(long n) {
        if (n < 0) return "负" + integer(-n);
        if (n == 0) return "零";
        int[] groups = new int[4];
        int count = 0;
        for (long rest = n; rest > 0 && count < groups.length; rest /= 10_000) groups[count++] = (int) (rest % 10_000);
        StringBuilder out = new StringBuilder();
        boolean gap = false;
        for (int i = count - 1; i >= 0; i--) {
            int g = groups[i];
            if (g == 0) {
                gap = out.length() > 0;
                continue;
            }
            // 10,050 -> 一万零五十: a zero is said where a group's leading places are empty.
            if (out.length() > 0 && (gap || g < 1000)) out.append('零');
            out.append(group(g)).append(GROUP_UNITS[i]);
            gap = false;
        }
        return out.indexOf("一十") == 0 ? out.substring(1) : out.toString();
    }

    private static String group(int g) {
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        for (int place = 3; place >= 0; place--) {
            int d = (g / pow10(place)) % 10;
            if (d == 0) {
                zero = out.length() > 0;
                continue;
            }
            if (zero) out.append('零');
            out.append(DIGITS[d]).append(SMALL_UNITS[place]);
            zero = false;
        }
        return out.toString();
    }

    private static int pow10(int n) {
        int p = 1;
        for (int i = 0; i < n; i++) p *= 10;
        return p;
    }

    /** A price unit as said: "元/公斤" -> "元每公斤". */
    public static String unit(String unit) {
        return unit == null ? "" : unit.replace("/", "每");
    }
}
