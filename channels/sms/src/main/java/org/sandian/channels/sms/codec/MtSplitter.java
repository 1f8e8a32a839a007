package org.sandian.channels.sms.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes an MT and splits it into concatenated parts (UDH {@code 05 00 03 ref total seq}):
 * GSM-7 when every character allows it (160 septets alone, 153 per part), else UCS-2 (70 alone,
 * 67 per part). Never cuts a surrogate pair or an escape pair. jSMPP's own splitter cuts UCS-2
 * characters in half, hence this one.
 */
public final class MtSplitter {

    public static final int GSM_SINGLE = 160;
    public static final int GSM_PART = 153;
    public static final int UCS2_SINGLE = 70;
    public static final int UCS2_PART = 67;

    private MtSplitter() {
    }

    /**
     * @param text     the whole text
     * @param ref      the 8-bit concatenation reference shared by the parts
     * @param maxParts at most this many parts: text past them is dropped (the caller pages with MORE)
     */
    public static List<MtPart> split(String text, int ref, int maxParts) {
        PartCounter whole = new PartCounter().append(text);
        boolean gsm = whole.gsm();
        List<String> chunks = whole.parts() == 1 ? List.of(text) : cut(text, gsm);
        if (chunks.size() > maxParts) chunks = chunks.subList(0, Math.max(1, maxParts));
        List<MtPart> parts = new ArrayList<>(chunks.size());
        byte dcs = gsm ? (byte) 0x00 : (byte) 0x08;
        int total = chunks.size();
        for (int i = 0; i < total; i++) {
            String chunk = chunks.get(i);
            byte[] body = gsm ? Gsm7.encode(chunk) : chunk.getBytes(StandardCharsets.UTF_16BE);
            if (total == 1) {
                parts.add(new MtPart(dcs, body, false, chunk));
            } else {
                byte[] ud = new byte[6 + body.length];
                ud[0] = 0x05;
                ud[1] = 0x00;
                ud[2] = 0x03;
                ud[3] = (byte) ref;
                ud[4] = (byte) total;
                ud[5] = (byte) (i + 1);
                System.arraycopy(body, 0, ud, 6, body.length);
                parts.add(new MtPart(dcs, ud, true, chunk));
            }
        }
        return parts;
    }

    /** How many parts {@code text} needs without a cap (for reports and the dialogue's paging). */
    public static int partsNeeded(String text) {
        return new PartCounter().append(text).parts();
    }

    /** The text of each part of a text that needs several. */
    private static List<String> cut(String text, boolean gsm) {
        List<String> out = new ArrayList<>();
        PartCounter counter = new PartCounter();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            counter.append(text.charAt(i));
            int next = counter.partStart(gsm);
            if (next != start) {
                out.add(text.substring(start, next));
                start = next;
            }
        }
        out.add(text.substring(start));
        return out;
    }
}
