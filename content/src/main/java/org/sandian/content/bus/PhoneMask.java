package org.sandian.content.bus;

/**
 * Phone numbers for logs and statistics: "+8613800138000" becomes "+86138****8000". Never log or
 * keep a whole number where a masked one does.
 */
public final class PhoneMask {

    private PhoneMask() {
    }

    /** Hides the four digits before the last four; a number of seven characters or fewer is hidden whole. */
    public static String mask(String phone) {
        if (phone == null) return null;
        String p = phone.strip();
        int n = p.length();
        if (n <= 7) return "*".repeat(n);
        return p.substring(0, n - 8) + "****" + p.substring(n - 4);
    }
}
