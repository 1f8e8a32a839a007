package org.sandian.channels.sms.mt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.SubmitSmResult;
import org.sandian.channels.sms.SmsOptions;
import org.sandian.channels.sms.codec.MtPart;
import org.sandian.channels.sms.log.LogIds;
import org.sandian.channels.sms.session.EsmeBind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits the outbox's parts on one bind. jSMPP's submit blocks until its response and has
 * neither window nor rate limit, so: {@code windowSize} sender threads (at most that many
 * submit_sm outstanding: the window), each taking a permit of the bind's {@link TokenBucket}
 * (TPS) first. THROTTLED / MSGQFUL pause the whole bind with growing back-off and put the part
 * back at its place; nothing is dropped. A part holds its window slot until its submit result is
 * stored, not only until the SMSC answers: after a crash at most the window is re-sent, however
 * far the store's writer lags.
 */
public final class BindSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BindSender.class);
    private static final int SMSC_ERROR_TRIES = 5;

    private final EsmeBind bind;
    private final MtOutbox outbox;
    private final SmsOptions options;
    private final TokenBucket bucket;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Window slots: a part holds one from its submit until its result is stored. */
    private final Semaphore window;
    private final AtomicInteger throttledInARow = new AtomicInteger();
    private volatile boolean running = true;

    public BindSender(EsmeBind bind, MtOutbox outbox, SmsOptions options) {
        this.bind = bind;
        this.outbox = outbox;
        this.options = options;
        this.bucket = new TokenBucket(options.tpsPerBind(), Math.max(1, options.tpsPerBind() / 50));
        this.window = new Semaphore(Math.max(1, options.windowSize()));
        for (int i = 0; i < Math.max(1, options.windowSize()); i++) {
            Thread t = new Thread(this::loop, "smpp-send-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
    }

    public void start() {
        threads.forEach(Thread::start);
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Parts submitted or being submitted whose result is not stored yet: never above the window. */
    public int unsaved() {
        return Math.max(1, options.windowSize()) - window.availablePermits();
    }

    private void loop() {
        while (running) {
            try {
                SMPPSession session = bind.session();
                if (session == null) {
                    bind.awaitBound(500);
                    continue;
                }
                if (!window.tryAcquire(200, TimeUnit.MILLISECONDS)) continue;
                MtOutbox.Job job;
                try {
                    job = outbox.next(200);
                } catch (InterruptedException e) {
                    window.release();
                    throw e;
                }
                if (job == null || outbox.isFailed(job.mt())) { // nothing to do, or another part failed it
                    window.release();
                    continue;
                }
                try {
                    bucket.acquire();
                } catch (InterruptedException e) {
                    outbox.retry(job);
                    window.release();
                    throw e;
                }
                submit(session, job);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("sender loop", e);
            }
        }
    }

    private void submit(SMPPSession session, MtOutbox.Job job) {
        MtPart part = job.mt().parts.get(job.part());
        String to = job.mt().to.startsWith("+") ? job.mt().to.substring(1) : job.mt().to;
        String source = options.sourceAddress();
        boolean alpha = !source.chars().allMatch(Character::isDigit);
        inFlight.incrementAndGet();
        boolean slotHandedOver = false;
        try {
            SubmitSmResult r = session.submitShortMessage("",
                    alpha ? TypeOfNumber.ALPHANUMERIC : TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, source,
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, to,
                    new ESMClass(part.udh() ? 0x40 : 0x00), (byte) 0, (byte) 0, null, null,
                    new RegisteredDelivery(options.receipts() ? SMSCDeliveryReceipt.SUCCESS_FAILURE
                            : SMSCDeliveryReceipt.DEFAULT),
                    (byte) 0, DataCodings.newInstance(part.dataCoding()), (byte) 0, part.userData());
            throttledInARow.set(0);
            CompletableFuture<Void> saved = outbox.submitted(job, r.getMessageId());
            slotHandedOver = true;
            saved.whenComplete((v, e) -> window.release());
        } catch (NegativeResponseException e) {
            SendError kind = SendError.ofStatus(e.getCommandStatus());
            if (kind == SendError.THROTTLED || kind == SendError.QUEUE_FULL) {
                long pause = Math.min(2_000, 50L << Math.min(6, throttledInARow.getAndIncrement()));
                bucket.pause(pause);
                outbox.retry(job);
            } else if (kind.retryable() && ++job.mt().attempts < SMSC_ERROR_TRIES) {
                bucket.pause(200);
                outbox.retry(job);
            } else {
                outbox.failed(job, kind);
            }
        } catch (ResponseTimeoutException | IOException e) {
            // The SMSC may have it: sent again unless its receipt shows it was taken (never dropped).
            bind.suspect();
            outbox.uncertain(job);
        } catch (Exception e) {
            log.warn("submit of MT {} part {} failed: {}", LogIds.mask(job.mt().id), job.part() + 1, e.toString());
            outbox.failed(job, SendError.REJECTED);
        } finally {
            inFlight.decrementAndGet();
            if (!slotHandedOver) window.release();
        }
    }

    @Override
    public void close() {
        running = false;
        threads.forEach(Thread::interrupt);
    }
}
