package org.sandian.channels.sms.sim;

import java.time.Instant;
import org.sandian.channels.sms.codec.Concat;

/**
 * One submit_sm the simulator accepted.
 *
 * @param messageId the id it answered (hex)
 * @param text      this part's decoded text (UDH stripped)
 * @param concat    its place in a concatenated message, or null
 */
public record SimSubmit(String messageId, String from, String to, byte dataCoding, String text, Concat concat,
                        boolean receiptRequested, Instant at) {
}
