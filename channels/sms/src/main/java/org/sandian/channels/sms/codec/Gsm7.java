package org.sandian.channels.sms.codec;

import java.io.ByteArrayOutputStream;

/**
 * The GSM 03.38 default alphabet with its extension (escape) table, as unpacked septets: one
 * septet per octet, which is how SMPP carries data_coding 0 on the wire for most SMSCs.
 */
public final class Gsm7 {

    static final int ESC = 0x1B;

    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /** Extension table: septet after ESC -> character. */
    private static final char[] EXT = new char[128];

    static {
        EXT[0x0A] = '\f';
        EXT[0x14] = '^';
        EXT[0x28] = '{';
        EXT[0x29] = '}';
        EXT[0x2F] = '\\';
        EXT[0x3C] = '[';
        EXT[0x3D] = '~';
        EXT[0x3E] = ']';
        EXT[0x40] = '|';
        EXT[0x65] = '€';
    }

    private Gsm7() {
    }

    /** Septets {@code c} costs in GSM-7: 1, 2 for an extension character, or -1 when it has none. */
    public static int septets(char c) {
        if (c != ESC && BASIC.indexOf(c) >= 0) return 1;
        return extCode(c) >= 0 ? 2 : -1;
    }

    /** True when every character of {@code text} exists in GSM-7 (basic or extension table). */
    public static boolean canEncode(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (septets(text.charAt(i)) < 0) return false;
        }
        return true;
    }

    /** Septets the whole text needs (escapes count 2). Only for GSM-7-encodable text. */
    public static int length(CharSequence text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) n += septets(text.charAt(i));
        return n;
    }

    /** Unpacked septets; a character outside GSM-7 becomes '?'. */
    public static byte[] encode(CharSequence text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = c == ESC ? -1 : BASIC.indexOf(c);
            if (basic >= 0) {
                out.write(basic);
            } else {
                int ext = extCode(c);
                if (ext >= 0) {
                    out.write(ESC);
                    out.write(ext);
                } else {
                    out.write('?');
                }
            }
        }
        return out.toByteArray();
    }

    /** Decodes unpacked septets; an unknown escape shows its basic character (GSM 03.38). */
    public static String decode(byte[] septets, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            int s = septets[i] & 0x7F;
            if (s == ESC && i + 1 < to) {
                int e = septets[++i] & 0x7F;
                sb.append(EXT[e] != 0 ? EXT[e] : BASIC.charAt(e));
            } else if (s == ESC) {
                sb.append(' '); // a lone escape at the very end
            } else {
                sb.append(BASIC.charAt(s));
            }
        }
        return sb.toString();
    }

    private static int extCode(char c) {
        if (c == 0) return -1;
        for (int i = 0; i < EXT.length; i++) {
            if (EXT[i] == c) return i;
        }
        return -1;
    }
}
