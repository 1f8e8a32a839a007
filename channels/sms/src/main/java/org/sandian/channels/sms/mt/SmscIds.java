package org.sandian.channels.sms.mt;

import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keys under which an SMSC message id is found again whatever its spelling: many SMSCs answer
 * submit_sm in hex and give the receipt in decimal, with or without leading zeros. A purely
 * numeric id is ambiguous, so it gets both readings; ids that are not numbers are kept as text.
 * Two ids match when their readings meet ({@link #keys}). A submitted id is indexed under one key
 * ({@link #primary}), and a receipt's id is looked up under every key a matching submit id could
 * have been indexed under ({@link #lookups}): one index entry per part instead of two.
 */
public final class SmscIds {

    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,40}");
    private static final Pattern DIGITS_ONLY = Pattern.compile("[0-9]+");
    private static final Pattern HEX = Pattern.compile("(?i)(0x)?[0-9a-f]{1,40}");

    private SmscIds() {
    }

    /** Every key the id may match: "n:&lt;value in decimal&gt;" readings, else "s:&lt;lower-case id&gt;". */
    public static Set<String> keys(String id) {
        Set<String> keys = new LinkedHashSet<>();
        String s = id == null ? "" : id.trim();
        if (s.isEmpty()) return keys;
        if (DECIMAL.matcher(s).matches()) {
            keys.add("n:" + new BigInteger(s, 10));
            keys.add("n:" + new BigInteger(s, 16));
        } else if (HEX.matcher(s).matches()) {
            keys.add("n:" + hexValue(s));
        } else {
            keys.add("s:" + s.toLowerCase(Locale.ROOT));
        }
        return keys;
    }

    /**
     * The one key a submitted id is indexed under: "d:" and the number of an all-digit id (it has
     * two readings), "h:" and the value of a hex id, "s:" and the text of any other; null if blank.
     */
    public static String primary(String id) {
        String s = id == null ? "" : id.trim();
        if (s.isEmpty()) return null;
        if (DECIMAL.matcher(s).matches()) return "d:" + new BigInteger(s, 10);
        if (HEX.matcher(s).matches()) return "h:" + hexValue(s);
        return "s:" + s.toLowerCase(Locale.ROOT);
    }

    private static BigInteger hexValue(String s) {
        return new BigInteger(s.regionMatches(true, 0, "0x", 0, 2) ? s.substring(2) : s, 16);
    }

    /**
     * The primary key of every submit id this receipt id matches: for each reading w of it, a hex
     * id worth w ("h:w"), an all-digit id read as w in decimal ("d:w"), and an all-digit id read as w
     * in hex, whose digits are w's hex spelling. Also the old two-reading keys ({@link #keys}), which
     * index entries written before one key per part still use.
     */
    public static Set<String> lookups(String id) {
        Set<String> old = keys(id);
        Set<String> lookups = new LinkedHashSet<>();
        for (String key : old) {
            if (!key.startsWith("n:")) continue;
            BigInteger w = new BigInteger(key.substring(2));
            lookups.add("h:" + w);
            lookups.add("d:" + w);
            String hex = w.toString(16);
            if (DIGITS_ONLY.matcher(hex).matches()) lookups.add("d:" + new BigInteger(hex, 10));
        }
        lookups.addAll(old);
        return lookups;
    }
}