package org.sandian.channels.sms.mo;

/** Source addresses as SMSCs give them (TON, with or without 86) to E.164. */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /**
     * @param addr the SMPP address digits
     * @param ton  its type of number (1 international, 2 national)
     */
    public static String toE164(String addr, byte ton) {
        if (addr == null) return "";
        String a = addr.trim();
        if (a.startsWith("+")) return a;
        if (!a.chars().allMatch(Character::isDigit) || a.isEmpty()) return a; // an alphanumeric sender
        if (a.startsWith("00")) return "+" + a.substring(2);
        if (ton == 1) return "+" + a;
        if (a.length() == 11 && a.startsWith("1")) return "+86" + a;          // a Chinese mobile, national
        if (a.length() == 13 && a.startsWith("861")) return "+" + a;
        return a;                                                               // short codes stay as they are
    }
}
