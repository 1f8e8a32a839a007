package org.sandian.channels.sms.mo;

import java.util.concurrent.CompletableFuture;

/** Where delivery receipts go (the MT outbox); the deliver_sm is answered once the future completes. */
public interface ReceiptSink {

    /**
     * @param smscId the message id as the receipt gives it (hex or decimal, maybe zero-padded)
     * @param stat   DELIVRD, UNDELIV, EXPIRED, REJECTD, DELETED, ACCEPTD, ENROUTE, UNKNOWN
     * @param err    the SMSC's error code text ("000")
     */
    CompletableFuture<Void> onReceipt(String smscId, String stat, String err);
}
