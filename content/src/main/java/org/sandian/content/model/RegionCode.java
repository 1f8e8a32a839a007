package org.sandian.content.model;

/** Rules of the 12-digit region code: validity, level, ancestry. */
public final class RegionCode {

    /** Where each level's digits end: province 2, city 2, county 2, township 3, village 3. */
    private static final RegionLevel[] LEVELS = RegionLevel.values();

    private RegionCode() {
    }

    public static boolean isValid(String code) {
        return code != null && code.length() == 12 && code.chars().allMatch(Character::isDigit)
                && !code.startsWith("00");
    }

    /** The deepest level whose digit group is not all zeros. */
    public static RegionLevel levelOf(String code) {
        if (!isValid(code)) throw new IllegalArgumentException("not a 12-digit region code: " + code);
        RegionLevel level = RegionLevel.PROVINCE;
        int start = 0;
        for (RegionLevel l : LEVELS) {
            if (Long.parseLong(code.substring(start, l.digits)) != 0) level = l;
            start = l.digits;
        }
        return level;
    }

    /** The significant prefix: "420000000000" gives "42", a county gives six digits. */
    public static String prefix(String code) {
        return code.substring(0, levelOf(code).digits);
    }

    /** True when {@code code} is {@code ancestor} itself or lies anywhere inside it. */
    public static boolean isWithin(String code, String ancestor) {
        return isValid(code) && isValid(ancestor) && code.startsWith(prefix(ancestor));
    }

    /** The parent's code, or null for a province. */
    public static String parentOf(String code) {
        RegionLevel level = levelOf(code);
        if (level == RegionLevel.PROVINCE) return null;
        int keep = LEVELS[level.ordinal() - 1].digits;
        return code.substring(0, keep) + "0".repeat(12 - keep);
    }
}
