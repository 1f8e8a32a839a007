package org.sandian.channels.sms.session;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.sandian.channels.sms.SmsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bind kept up for as long as the channel runs: its own thread connects, binds, and after a
 * drop (or an "already bound" refusal, a wrong password, an unreachable SMSC) waits with
 * exponential back-off and jitter, alternating primary and failover SMSC. jSMPP must never be
 * closed inside a SessionStateListener (deadlock, jsmpp #193): the listener only wakes this thread.
 */
public final class EsmeBind implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EsmeBind.class);

    private final String name;
    private final SmsOptions options;
    private final BindType bindType;
    private final Function<String, MessageReceiverListener> receivers;
    private final Consumer<String> closed;
    private final Semaphore wake = new Semaphore(0);
    private final Object boundSignal = new Object();
    private final Thread thread;
    private final Backoff backoff;
    private volatile SMPPSession session;
    private volatile boolean running = true;
    private volatile long binds;

    /**
     * @param receivers makes the deliver_sm listener of each new session, given its session id
     * @param closed    told the id of each session that is closed (drop, unbind, failed bind)
     */
    public EsmeBind(String name, SmsOptions options, BindType bindType,
                    Function<String, MessageReceiverListener> receivers, Consumer<String> closed) {
        this.closed = closed;
        this.name = name;
        this.options = options;
        this.bindType = bindType;
        this.receivers = receivers;
        this.backoff = new Backoff(options.reconnectMin(), options.reconnectMax());
        this.thread = new Thread(this::run, "smpp-" + name);
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** The session if bound now, else null. */
    public SMPPSession session() {
        SMPPSession s = session;
        return s != null && s.getSessionState().isBound() ? s : null;
    }

    public boolean bound() {
        return session() != null;
    }

    public boolean canSend() {
        return bindType != BindType.BIND_RX;
    }

    /** Successful binds so far (1 + rebinds). */
    public long bindCount() {
        return binds;
    }

    /** Waits up to {@code millis} for the bind to be up. */
    public boolean awaitBound(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        synchronized (boundSignal) {
            while (session() == null) {
                long left = end - System.currentTimeMillis();
                if (left <= 0) return false;
                boundSignal.wait(Math.min(left, 50));
            }
        }
        return true;
    }

    /** Tells the bind thread its session looks dead (e.g. a submit timed out): check and rebind. */
    public void suspect() {
        wake.release();
    }

    private void run() {
        boolean useFailover = false;
        while (running) {
            SMPPSession current = session;
            if (current != null && current.getSessionState().isBound()) {
                try {
                    wake.tryAcquire(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    break;
                }
                continue;
            }
            if (current != null) {
                log.warn("smpp {}: session {} lost ({}), rebinding", name, current.getSessionId(),
                        current.getSessionState());
                current.close();
                session = null;
            }
            String host = useFailover && options.failoverHost() != null ? options.failoverHost() : options.host();
            int port = useFailover && options.failoverHost() != null ? options.failoverPort() : options.port();
            try {
                SMPPSession bound = connect(host, port);
                boolean closing;
                synchronized (this) {
                    // close() may have run while we were binding: a session bound after it would
                    // live on as a zombie, taking MOs for a channel that is gone
                    closing = !running;
                    if (!closing) session = bound;
                }
                if (closing) {
                    bound.unbindAndClose();
                    break;
                }
                binds++;
                backoff.reset();
                useFailover = false;
                synchronized (boundSignal) {
                    boundSignal.notifyAll();
                }
                log.info("smpp {}: bound {} to {}:{} (session {})", name, bindType, host, port, session.getSessionId());
            } catch (IOException e) {
                long wait = backoff.nextMillis();
                log.warn("smpp {}: bind to {}:{} failed ({}), next try in {} ms", name, host, port, reason(e), wait);
                if (options.failoverHost() != null) useFailover = !useFailover;
                try {
                    wake.drainPermits();
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    break;
                }
            }
        }
    }

    private SMPPSession connect(String host, int port) throws IOException {
        SMPPSession s = new SMPPSession(new NoDelayConnectionFactory(5_000));
        s.setEnquireLinkTimer((int) options.enquireLink().toMillis());
        s.setTransactionTimer(options.submitTimeout().toMillis());
        s.setPduProcessorDegree(options.pduThreads());
        s.setQueueCapacity(options.moQueueCapacity());
        s.setMessageReceiverListener(receivers.apply(s.getSessionId()));
        // Only wake our thread: closing here would deadlock jSMPP.
        s.addSessionStateListener((now, old, src) -> {
            if (now == SessionState.CLOSED) closed.accept(src.getSessionId());
            if (!now.isBound() && now != SessionState.OPEN) wake.release();
        });
        try {
            s.connectAndBind(host, port, new BindParameter(bindType, options.systemId(), options.password(),
                    options.systemType() == null ? "" : options.systemType(), TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, null), 10_000);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** "already bound (0x5)" and the like, from jSMPP's wrapped negative bind response. */
    private static String reason(IOException e) {
        Throwable c = e.getCause();
        if (c instanceof NegativeResponseException n) {
            int st = n.getCommandStatus();
            return st == 0x05 ? "already bound (0x5)" : st == 0x0E ? "wrong password (0xE)"
                    : st == 0x0F ? "wrong system id (0xF)" : "refused 0x" + Integer.toHexString(st);
        }
        return e.getMessage();
    }

    /** Unbinds; a bind in progress is closed as soon as it completes, never left bound. */
    @Override
    public void close() {
        SMPPSession s;
        synchronized (this) {
            running = false;
            s = session;
        }
        thread.interrupt();
        if (s != null) s.unbindAndClose();
        try {
            thread.join(12_000); // at most a bind's own timeout
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
