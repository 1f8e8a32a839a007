package org.sandian.channels.sms.mo;

import java.util.concurrent.CompletableFuture;

/** Where delivery receipts go (the MT outbox); the deliver_sm is answered once the future completes. */
public interface ReceiptSink {

    /**
     * @param receipt its id as the SMSC gives it (hex or decimal, maybe zero-padded), stat (DELIVRD,
     *                UNDELIV, EXPIRED, REJECTD, DELETED, ACCEPTD, ENROUTE, UNKNOWN), err ("000"), handset, text start
     */
    CompletableFuture<Void> onReceipt(Receipt receipt);
}
