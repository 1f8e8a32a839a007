package org.sandian.content.names;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Pinyin spellings of a Chinese name, full ("yumi") and initials ("ym"), from pinyin4j. A
 * character with several readings (多音字) yields every combination, capped to stay small.
 */
public final class Pinyin {

    private static final int MAX_READINGS = 16;
    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private Pinyin() {
    }

    /** Full spellings without tones or spaces: 玉米 -> [yumi]. Non-Han characters are kept as they are. */
    public static Set<String> full(String han) {
        return combine(han, false);
    }

    /** Initials: 玉米 -> [ym]. */
    public static Set<String> initials(String han) {
        return combine(han, true);
    }

    private static Set<String> combine(String text, boolean initialsOnly) {
        List<String> partial = new ArrayList<>(List.of(""));
        for (char c : text.toCharArray()) {
            Set<String> readings = readingsOf(c);
            List<String> next = new ArrayList<>();
            for (String prefix : partial) {
                for (String r : readings) {
                    if (next.size() < MAX_READINGS) next.add(prefix + (initialsOnly ? r.substring(0, 1) : r));
                }
            }
            partial = next;
        }
        return new LinkedHashSet<>(partial);
    }

    private static Set<String> readingsOf(char c) {
        Set<String> out = new LinkedHashSet<>();
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            if (readings != null) {
                for (String r : readings) out.add(r);
            }
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
        if (out.isEmpty()) out.add(String.valueOf(c).toLowerCase());
        return out;
    }
}
