package org.sandian.channels.web.services;

import java.util.regex.Pattern;

/** What a visitor types as his phone, made E.164: "138 0013 8000", "+86-13800138000", "8613800138000". */
public final class PhoneNumbers {

    private static final Pattern CN_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");

    private PhoneNumbers() {
    }

    /** The number in E.164, or null when it is not a phone number we can text. */
    public static String e164(String typed) {
        if (typed == null) return null;
        String s = typed.replaceAll("[\\s\\-().]", "");
        if (s.startsWith("00")) s = "+" + s.substring(2);
        if (CN_MOBILE.matcher(s).matches()) return "+86" + s;
        if (s.startsWith("86") && CN_MOBILE.matcher(s.substring(2)).matches()) return "+" + s;
        if (s.startsWith("+86")) return CN_MOBILE.matcher(s.substring(3)).matches() ? s : null;
        return E164.matcher(s).matches() ? s : null;
    }
}
