package org.sandian.channels.sms.mo;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.sandian.channels.sms.InboundMessage;
import org.sandian.content.bus.PhoneMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands stored MOs to the handler on per-number single threads (order kept per farmer), bounded:
 * each lane queues at most {@code capacity} messages and at most {@code capacity} per lane may be
 * in the handler at once. When full, {@link #submit} blocks: the jSMPP thread that stored the MO
 * then stops reading, jSMPP's own queue fills and it answers THROTTLED, and the SMSC retries later.
 * {@code done} is told each message the handler finished (or failed on): it is handled.
 */
final class MoLanes {

    private static final Logger log = LoggerFactory.getLogger(MoLanes.class);

    private final ThreadPoolExecutor[] lanes;
    private final Semaphore[] inHandler;
    private final Function<InboundMessage, ? extends CompletionStage<?>> handler;
    private final Consumer<InboundMessage> done;

    MoLanes(int count, int capacity, Function<InboundMessage, ? extends CompletionStage<?>> handler,
            Consumer<InboundMessage> done) {
        this.handler = handler;
        this.done = done;
        this.lanes = new ThreadPoolExecutor[count];
        this.inHandler = new Semaphore[count];
        for (int i = 0; i < count; i++) {
            String name = "mo-handler-" + i;
            lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
                    r -> {
                        Thread t = new Thread(r, name);
                        t.setDaemon(true);
                        return t;
                    }, MoLanes::waitForRoom);
            inHandler[i] = new Semaphore(capacity);
        }
    }

    /** Queues the message on its sender's lane; blocks while that lane is full. */
    void submit(InboundMessage m) {
        int i = Math.floorMod(m.from().hashCode(), lanes.length);
        Semaphore slots = inHandler[i];
        lanes[i].execute(() -> run(m, slots));
    }

    private void run(InboundMessage m, Semaphore slots) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // stopping: still stored unhandled, handed over again at the next start
        }
        CompletionStage<?> finished;
        try {
            finished = handler.apply(m);
        } catch (RuntimeException e) {
            log.error("MO handler failed for a message from {}", PhoneMask.mask(m.from()), e);
            slots.release();
            done.accept(m);
            return;
        }
        finished.whenComplete((v, e) -> {
            slots.release();
            if (e != null) log.error("MO handler failed for a message from {}", PhoneMask.mask(m.from()), e);
            done.accept(m);
        });
    }

    /** Rejection = the lane's queue is full: wait for room (back-pressure), unless it is stopping. */
    private static void waitForRoom(Runnable task, ThreadPoolExecutor lane) {
        try {
            while (!lane.isShutdown()) {
                if (lane.getQueue().offer(task, 200, TimeUnit.MILLISECONDS)) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // stopping: the message stays stored unhandled and is handed over at the next start
        throw new RejectedExecutionException("MO lane stopping");
    }

    /** Stops taking messages; waits a little for the ones in hand. */
    void close(long waitMillis) {
        for (ThreadPoolExecutor lane : lanes) lane.shutdown();
        long end = System.currentTimeMillis() + waitMillis;
        try {
            for (ThreadPoolExecutor lane : lanes) {
                lane.awaitTermination(Math.max(0, end - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
