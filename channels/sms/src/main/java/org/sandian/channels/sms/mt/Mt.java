package org.sandian.channels.sms.mt;

import java.util.List;
import org.sandian.channels.sms.codec.MtPart;
import org.sandian.content.bus.OutboundSms.Priority;
import org.sandian.content.bus.SmsStatus.State;

/**
 * An MT in memory while it is being sent or awaits its receipts: its parts, the SMSC id of each
 * submitted part, and each part's receipt state. The aggregate state follows the parts.
 */
public final class Mt {

    final String id;
    final String to;
    final Priority priority;
    final List<MtPart> parts;
    final String[] smscIds;
    final String[] receipts;
    final long order;
    State state = State.QUEUED;
    String error;
    int attempts;

    Mt(String id, String to, Priority priority, List<MtPart> parts, String[] smscIds, String[] receipts, long order) {
        this.id = id;
        this.to = to;
        this.priority = priority;
        this.parts = parts;
        this.smscIds = smscIds;
        this.receipts = receipts;
        this.order = order;
    }

    synchronized boolean allSubmitted() {
        for (String s : smscIds) if (s == null) return false;
        return true;
    }

    /** The state the parts' receipts add up to: any failed part fails it, all delivered delivers it. */
    synchronized State aggregate() {
        if (state == State.FAILED) return State.FAILED;
        boolean all = true;
        for (String r : receipts) {
            if (r == null) {
                all = false;
            } else if (SendError.ofReceipt(r) != null) {
                error = SendError.ofReceipt(r).code();
                return State.FAILED;
            } else if (!"DELIVRD".equals(r)) {
                all = false;
            }
        }
        if (all) return State.DELIVERED;
        return allSubmitted() ? State.SUBMITTED : State.QUEUED;
    }

    /** A part's receipt after which none other is expected: delivered, or failed for good. */
    static boolean isFinal(String receipt) {
        return receipt != null && ("DELIVRD".equals(receipt) || SendError.ofReceipt(receipt) != null);
    }

    /** The smsc ids of submitted parts, comma separated, for the status record. */
    synchronized String smscIdList() {
        StringBuilder sb = new StringBuilder();
        for (String s : smscIds) {
            if (s == null) continue;
            if (sb.length() > 0) sb.append(',');
            sb.append(s);
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
