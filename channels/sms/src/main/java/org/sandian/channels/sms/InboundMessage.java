package org.sandian.channels.sms;

import java.time.Instant;

/**
 * One MO message as the hub sees it: durably stored, decoded and, when it came in several parts,
 * reassembled. Published on {@code Addresses.SMS_RECEIVED} and handed to the {@link MoHandler}.
 *
 * @param id         stable id: the same MO re-delivered after a dropped connection gets the same id
 * @param from       the sender, E.164 ("+8613800000000") when the SMSC gave a national or
 *                   international number
 * @param to         our short code or sender id the farmer texted
 * @param text       the decoded text, parts joined in order
 * @param receivedAt when the hub received it (the last part of a long message), UTC
 */
public record InboundMessage(String id, String from, String to, String text, Instant receivedAt) {
}
