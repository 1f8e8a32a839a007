package org.sandian.broadcast.subscriber;

import java.util.regex.Pattern;

/**
 * Turns the ways people write a phone number into E.164: Chinese mobiles as typed by officers and
 * farmers ("13800138000", "+86 138-0013-8000", "008613800138000", full-width digits) all become
 * "+8613800138000". Other countries are accepted only with an explicit "+" or "00" prefix.
 */
public final class PhoneNumbers {

    private static final Pattern CN_MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern E164_DIGITS = Pattern.compile("[1-9]\\d{6,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().\u00a0\u3000]");

    private PhoneNumbers() {
    }

    /** The E.164 form of {@code raw}; throws {@link InvalidPhoneNumberException} with the reason. */
    public static String normalize(String raw) {
        if (raw == null || raw.isBlank()) throw new InvalidPhoneNumberException(raw, "empty");
        String s = SEPARATORS.matcher(halfWidth(raw.trim())).replaceAll("");
        boolean international = false;
        if (s.startsWith("+")) {
            s = s.substring(1);
            international = true;
        } else if (s.startsWith("00")) {
            s = s.substring(2);
            international = true;
        }
        if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidPhoneNumberException(raw, "only digits, spaces, dashes and a leading + are allowed");
        }
        if (!international && s.length() == 13 && s.startsWith("86")) international = true; // "8613800138000"
        if (!international) {
            if (CN_MOBILE.matcher(s).matches()) return "+86" + s;
            throw new InvalidPhoneNumberException(raw, "a Chinese mobile number has 11 digits starting with 13-19");
        }
        if (s.startsWith("86")) {
            String national = s.substring(2);
            if (CN_MOBILE.matcher(national).matches()) return "+" + s;
            throw new InvalidPhoneNumberException(raw, "+86 must be followed by an 11-digit mobile number");
        }
        if (E164_DIGITS.matcher(s).matches()) return "+" + s;
        throw new InvalidPhoneNumberException(raw, "an international number has 8 to 15 digits");
    }

    /** True when {@code raw} normalizes. */
    public static boolean isValid(String raw) {
        try {
            normalize(raw);
            return true;
        } catch (InvalidPhoneNumberException e) {
            return false;
        }
    }

    /** Full-width digits and plus (as Chinese input methods type them) to ASCII. */
    private static String halfWidth(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF10' && c <= '\uFF19') b.append((char) ('0' + (c - '\uFF10')));
            else if (c == '\uFF0B') b.append('+');
            else if (c == '\uFF0D') b.append('-');
            else b.append(c);
        }
        return b.toString();
    }
}
