package org.sandian.channels.sms.log;

import org.sandian.content.bus.PhoneMask;

/**
 * Message ids for logs. A broadcast MT's id ends with the farmer's number
 * ({@code "<occurrence>:S:<chunk>:<index>:+8613800138000"}): that number is masked, the rest kept
 * so the id can still be looked up.
 */
public final class LogIds {

    private LogIds() {
    }

    public static String mask(String id) {
        if (id == null) return null;
        int cut = id.lastIndexOf(':') + 1;
        String tail = id.substring(cut);
        return looksLikePhone(tail) ? id.substring(0, cut) + PhoneMask.mask(tail) : id;
    }

    private static boolean looksLikePhone(String s) {
        String digits = s.startsWith("+") ? s.substring(1) : s;
        return digits.length() >= 7 && digits.chars().allMatch(Character::isDigit);
    }
}
