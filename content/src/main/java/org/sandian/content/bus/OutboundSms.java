package org.sandian.content.bus;

/**
 * An SMS to send, on {@link Addresses#SMS_SEND}. The SMS channel stores it before replying with its
 * id, and the id is unique: sending the same id twice sends once (a broadcast entry's key makes a
 * re-sent batch harmless after a crash).
 *
 * @param id       the caller's unique id, or null to have one assigned
 * @param to       E.164 phone number
 * @param text     the full text; the channel picks GSM-7 or UCS-2 and splits it
 * @param priority replies to farmers go before bulk sends
 * @param source   what made it ("reply", "otp", "answer", "broadcast:&lt;id&gt;"), for reports
 */
public record OutboundSms(String id, String to, String text, Priority priority, String source) {

    public enum Priority { REPLY, BULK }
}
