package org.sandian.broadcast.core;

/**
 * How many SMS a text takes: GSM-7 fits 160 characters (153 per part when split), anything else
 * (one Chinese character is enough) goes as UCS-2, 70 (67 per part). Extension characters such as
 * '€' or '[' take two GSM-7 septets. For the officer's cost estimate before sending.
 */
public final class SmsParts {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private SmsParts() {
    }

    public static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) return false;
        }
        return true;
    }

    public static int count(String text) {
        if (text == null || text.isEmpty()) return 0;
        int units;
        int single;
        int multi;
        if (isGsm7(text)) {
            units = 0;
            for (int i = 0; i < text.length(); i++) units += GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            single = 160;
            multi = 153;
        } else {
            units = text.length(); // UTF-16 code units: UCS-2 counts each as one character
            single = 70;
            multi = 67;
        }
        return units <= single ? 1 : (units + multi - 1) / multi;
    }
}
