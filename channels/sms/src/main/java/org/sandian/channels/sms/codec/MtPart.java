package org.sandian.channels.sms.codec;

/**
 * One submit_sm's worth of an MT.
 *
 * @param dataCoding 0x00 (GSM-7, unpacked septets) or 0x08 (UCS-2)
 * @param userData   short_message: the UDH first when {@code udh}, then the encoded text
 * @param udh        true when esm_class must carry UDHI (0x40)
 * @param text       the characters of this part, for logs and the simulator's records
 */
public record MtPart(byte dataCoding, byte[] userData, boolean udh, String text) {
}
