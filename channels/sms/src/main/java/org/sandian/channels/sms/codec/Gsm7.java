package org.sandian.channels.sms.codec;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

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

    /**
     * Septet of each char in the basic table, and after ESC in the extension table, or -1; indexed
     * by char up to the highest one GSM-7 has. Built from the tables above, which were scanned for
     * every char of every text measured: a large share of paging a reply.
     */
    private static final short[] BASIC_CODE;
    private static final short[] EXT_CODE;

    static {
        int highest = 0;
        for (int i = 0; i < BASIC.length(); i++) highest = Math.max(highest, BASIC.charAt(i));
        for (char c : EXT) highest = Math.max(highest, c);
        BASIC_CODE = new short[highest + 1];
        EXT_CODE = new short[highest + 1];
        Arrays.fill(BASIC_CODE, (short) -1);
        Arrays.fill(EXT_CODE, (short) -1);
        for (int i = BASIC.length() - 1; i >= 0; i--) {
            if (BASIC.charAt(i) != ESC) BASIC_CODE[BASIC.charAt(i)] = (short) i;
        }
        for (int i = EXT.length - 1; i >= 0; i--) {
            if (EXT[i] != 0) EXT_CODE[EXT[i]] = (short) i;
        }
    }

    private Gsm7() {
    }

    /** Septets {@code c} costs in GSM-7: 1, 2 for an extension character, or -1 when it has none. */
    public static int septets(char c) {
        if (basicCode(c) >= 0) return 1;
        return extCode(c) >= 0 ? 2 : -1;
    }

    /** True when every character of {@code text} exists in GSM-7 (basic or extension table). */
    public static boolean canEncode(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (septets(text.charAt(i)) < 0) return false;
        }
        return true;
    }

    /** Unpacked septets; a character outside GSM-7 becomes '?'. */
    public static byte[] encode(CharSequence text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = basicCode(c);
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

    private static int basicCode(char c) {
        return c < BASIC_CODE.length ? BASIC_CODE[c] : -1;
    }

    private static int extCode(char c) {
        return c < EXT_CODE.length ? EXT_CODE[c] : -1;
    }
}
