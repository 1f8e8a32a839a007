package org.sandian.channels.sms.codec;

import java.nio.charset.StandardCharsets;

/**
 * One deliver_sm's text: its user data decoded by data_coding, and its concatenation info when it
 * is a part of a longer message (UDH IEI 0x00 / 0x08, or the SAR TLVs).
 *
 * @param text   the decoded text of this PDU alone
 * @param concat null for a single message
 */
public record MoPayload(String text, Concat concat) {

    /**
     * @param esmClass   the PDU's esm_class (bit 0x40: the user data starts with a UDH)
     * @param dataCoding the PDU's data_coding
     * @param userData   short_message, or message_payload when short_message was empty
     * @param sar        concatenation info from the SAR TLVs, or null
     */
    public static MoPayload decode(byte esmClass, byte dataCoding, byte[] userData, Concat sar) {
        byte[] ud = userData == null ? new byte[0] : userData;
        int start = 0;
        Concat concat = sar;
        if ((esmClass & 0x40) != 0 && ud.length > 0) {
            int udhl = ud[0] & 0xFF;
            start = Math.min(ud.length, 1 + udhl);
            Concat fromUdh = parseUdh(ud, 1, start);
            if (fromUdh != null) concat = fromUdh;
        }
        return new MoPayload(decodeText(dataCoding, ud, start, ud.length), concat);
    }

    /** Text of user data by data_coding: 0 GSM-7 (unpacked), 1 ASCII, 3 Latin-1, 8 UCS-2. */
    public static String decodeText(byte dataCoding, byte[] ud, int from, int to) {
        switch (alphabet(dataCoding)) {
            case UCS2:
                return new String(ud, from, (to - from) & ~1, StandardCharsets.UTF_16BE);
            case LATIN1:
                return new String(ud, from, to - from, StandardCharsets.ISO_8859_1);
            case ASCII:
                return new String(ud, from, to - from, StandardCharsets.US_ASCII);
            default:
                return Gsm7.decode(ud, from, to);
        }
    }

    enum Alphabet { GSM7, ASCII, LATIN1, UCS2 }

    static Alphabet alphabet(byte dcs) {
        int d = dcs & 0xFF;
        if ((d & 0xF0) == 0xF0) return (d & 0x04) != 0 ? Alphabet.LATIN1 : Alphabet.GSM7;
        if ((d & 0xC0) == 0x00 && (d & 0x20) == 0 && d >= 0x10) {
            // GSM general data coding group with a message class: bits 3-2 give the alphabet.
            int a = (d >> 2) & 0x03;
            return a == 2 ? Alphabet.UCS2 : a == 1 ? Alphabet.LATIN1 : Alphabet.GSM7;
        }
        switch (d) {
            case 0x01: return Alphabet.ASCII;
            case 0x02: case 0x03: case 0x04: return Alphabet.LATIN1;
            case 0x08: return Alphabet.UCS2;
            default: return Alphabet.GSM7;
        }
    }

    private static Concat parseUdh(byte[] ud, int from, int to) {
        int i = from;
        while (i + 1 < to) {
            int iei = ud[i] & 0xFF;
            int len = ud[i + 1] & 0xFF;
            int v = i + 2;
            if (v + len > to) return null;
            if (iei == 0x00 && len == 3) {
                return new Concat(ud[v] & 0xFF, ud[v + 1] & 0xFF, ud[v + 2] & 0xFF);
            }
            if (iei == 0x08 && len == 4) {
                return new Concat(((ud[v] & 0xFF) << 8) | (ud[v + 1] & 0xFF), ud[v + 2] & 0xFF, ud[v + 3] & 0xFF);
            }
            i = v + len;
        }
        return null;
    }
}
