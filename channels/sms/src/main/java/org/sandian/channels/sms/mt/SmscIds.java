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
 */
public final class SmscIds {

    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,40}");
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
            keys.add("n:" + new BigInteger(s.regionMatches(true, 0, "0x", 0, 2) ? s.substring(2) : s, 16));
        } else {
            keys.add("s:" + s.toLowerCase(Locale.ROOT));
        }
        return keys;
    }
}
