package org.sandian.channels.sms.codec;

/**
 * Where one part sits in a concatenated message (from a UDH or the SAR TLVs).
 *
 * @param ref   the reference shared by every part (8 or 16 bits)
 * @param total number of parts
 * @param seq   this part, 1-based
 */
public record Concat(int ref, int total, int seq) {

    public boolean valid() {
        return total >= 1 && seq >= 1 && seq <= total;
    }
}
