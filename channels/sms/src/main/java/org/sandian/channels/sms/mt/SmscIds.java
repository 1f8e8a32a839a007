package org.sandian.channels.sms.mt;

import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Keys under which an SMSC message id is found again whatever its spelling: many SMSCs answer
 * submit_sm in hex and give the receipt in decimal, with or without leading zeros. A purely
 * numeric id is ambiguous, so it gets both readings; ids that are not numbers are kept as text.
 */
public final class SmscIds {

    private SmscIds() {
    }

    /** Every key the id may match: "n:&lt;value in decimal&gt;" readings, else "s:&lt;lower-case id&gt;". */
    public static Set<String> keys(String id) {
        Set<String> keys = new LinkedHashSet<>();
        String s = id == null ? "" : id.trim();
        if (s.isEmpty()) return keys;
        if (s.matches("[0-9]{1,40}")) {
            keys.add("n:" + new BigInteger(s, 10));
            keys.add("n:" + new BigInteger(s, 16));
        } else if (s.matches("(?i)(0x)?[0-9a-f]{1,40}")) {
            keys.add("n:" + new BigInteger(s.replaceFirst("(?i)^0x", ""), 16));
        } else {
            keys.add("s:" + s.toLowerCase(Locale.ROOT));
        }
        return keys;
    }
}
