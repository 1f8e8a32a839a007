package org.sandian.channels.sms.codec;

/**
 * Where a text's SMS parts begin and how many it needs, worked out char by char as the text grows:
 * GSM-7 while every char allows it (160 septets alone, else 153 per part, an escape pair never cut),
 * UCS-2 otherwise (70 chars alone, else 67 per part, a surrogate pair never cut). The pager asks
 * "does the page still fit?" after every line; counting on from a copy of the page so far, instead of
 * re-splitting the whole page each time, was most of its cost. {@link MtSplitter} cuts with it too,
 * so the rules have one home.
 */
public final class PartCounter {

    private int length;
    private boolean gsm = true;
    private int septets;
    /** Greedy GSM-7 parts: where the current part begins, septets in it, parts before it. */
    private int gsmStart;
    private int gsmUsed;
    private int gsmCuts;
    /** Greedy UCS-2 parts: where the current part begins, parts before it. */
    private int ucs2Start;
    private int ucs2Cuts;
    private boolean lastHighSurrogate;

    public PartCounter() {
    }

    /** A counter that goes on from where {@code other} is, leaving {@code other} as it is. */
    public PartCounter(PartCounter other) {
        length = other.length;
        gsm = other.gsm;
        septets = other.septets;
        gsmStart = other.gsmStart;
        gsmUsed = other.gsmUsed;
        gsmCuts = other.gsmCuts;
        ucs2Start = other.ucs2Start;
        ucs2Cuts = other.ucs2Cuts;
        lastHighSurrogate = other.lastHighSurrogate;
    }

    public PartCounter append(CharSequence text) {
        return append(text, 0, text.length());
    }

    /** Counts {@code text} from {@code from} (inclusive) to {@code to} (exclusive) after what came before. */
    public PartCounter append(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) append(text.charAt(i));
        return this;
    }

    public PartCounter append(char c) {
        if (gsm) {
            int cost = Gsm7.septets(c);
            if (cost < 0) {
                gsm = false;
            } else {
                septets += cost;
                if (gsmUsed + cost > MtSplitter.GSM_PART) { // an escape pair moves whole to the next part
                    gsmCuts++;
                    gsmStart = length;
                    gsmUsed = 0;
                }
                gsmUsed += cost;
            }
        }
        // A full UCS-2 part closes when a char follows it; it gives its last char to the next part
        // when that char is a high surrogate.
        if (length - ucs2Start == MtSplitter.UCS2_PART) {
            ucs2Cuts++;
            ucs2Start = lastHighSurrogate ? length - 1 : length;
        }
        lastHighSurrogate = Character.isHighSurrogate(c);
        length++;
        return this;
    }

    /** True while every char so far exists in GSM-7. */
    public boolean gsm() {
        return gsm;
    }

    /** Parts the text so far needs, in its encoding. */
    public int parts() {
        if (gsm) return septets <= MtSplitter.GSM_SINGLE ? 1 : gsmCuts + 1;
        return length <= MtSplitter.UCS2_SINGLE ? 1 : ucs2Cuts + 1;
    }

    /** Where the last part begins in the text so far, in GSM-7 or UCS-2 parts as asked. */
    int partStart(boolean inGsm) {
        return inGsm ? gsmStart : ucs2Start;
    }
}
