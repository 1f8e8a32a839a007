package org.sandian.channels.sms;

import java.util.concurrent.CompletableFuture;
import org.sandian.content.bus.OutboundSms;

/** Queues MT messages durably; the SMS channel sends them in the background. */
public interface SmsSender {

    /**
     * Stores {@code sms} as QUEUED and completes with its id once stored (an id is assigned when
     * {@code sms.id()} is null). The same id twice is stored and sent once. Does not block.
     */
    CompletableFuture<String> send(OutboundSms sms);
}
