package org.sandian.channels.voice.outbound;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.sandian.channels.voice.VoiceOptions;
import org.sandian.content.bus.PhoneMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places outbound calls through the Asterisk manager interface: asynchronous Originate of the
 * callee into the broadcast context, whose dialplan runs the {@code broadcast} AGI script, at most {@code outboundConcurrency} at once, and
 * retries counted from the real end of a failed attempt (the OriginateResponse arrives when the
 * ringing stopped, not when the call was queued). All state lives on one dialer thread; the
 * manager's event thread only hands events over.
 */
public final class OutboundDialer implements ManagerEventListener {

    private static final Logger log = LoggerFactory.getLogger(OutboundDialer.class);
    private static final long LOGIN_RETRY_MS = 5_000;
    /** Beyond the ring time, how long an OriginateResponse may take before it counts as lost. */
    static final long LOST_RESPONSE_MARGIN_MS = 5_000;
    /** The longest an answered broadcast call may last before its Hangup event counts as lost. */
    static final long MAX_CALL_MS = 15 * 60_000;
    /** Calls held in memory at most: beyond, the caller keeps them (a broadcast's outbox) and offers them later. */
    public static final int MAX_PENDING = 1_000;

    private final VoiceOptions options;
    private final Consumer<VoiceCallOutcome> outcomes;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "voice-dialer");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Attempt> queue = new ArrayDeque<>();
    private final Map<String, Attempt> byAction = new HashMap<>();
    private final Map<String, Attempt> byUniqueId = new HashMap<>();
    /** Read from AGI threads: the broadcast script finds its message here. */
    private final Map<String, Attempt> byCallId = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();
    /** Calls accepted and not yet over (queued, ringing, waiting to retry): bounded. */
    private final AtomicInteger pending = new AtomicInteger();
    private final int maxPending;
    /**
     * Every call id accepted, for the life of the process: a request sent again (a broadcast chunk
     * taken over after a lease expired) does not ring twice. Not kept across a restart.
     */
    private final Set<String> placed = ConcurrentHashMap.newKeySet();
    private volatile ManagerConnection connection;
    private volatile boolean connected;
    private volatile boolean stopped;

    /** One try of one call. */
    static final class Attempt {
        final String callId;
        final VoiceCallRequest request;
        final int number;
        String uniqueId;
        boolean answered;
        volatile boolean listened;
        volatile boolean subscribed;

        Attempt(String callId, VoiceCallRequest request, int number) {
            this.callId = callId;
            this.request = request;
            this.number = number;
        }

        String actionId() {
            return callId + "-" + number;
        }
    }

    public OutboundDialer(VoiceOptions options, Consumer<VoiceCallOutcome> outcomes) {
        this(options, outcomes, MAX_PENDING);
    }

    /** With another limit on calls accepted and not yet over. */
    public OutboundDialer(VoiceOptions options, Consumer<VoiceCallOutcome> outcomes, int maxPending) {
        this.options = options;
        this.outcomes = outcomes;
        this.maxPending = maxPending;
    }

    /** Connects in the background; Asterisk being down at start is retried, never fatal. */
    public void start() {
        ManagerConnectionFactory factory = new ManagerConnectionFactory(options.amiHost(), options.amiPort(),
                options.amiUser(), options.amiSecret());
        connection = factory.createManagerConnection();
        connection.addEventListener(this);
        thread.execute(this::login);
    }

    public void stop() {
        stopped = true;
        thread.shutdownNow();
        ManagerConnection c = connection;
        if (c != null && (c.getState() == ManagerConnectionState.CONNECTED || c.getState() == ManagerConnectionState.RECONNECTING)) {
            try {
                c.logoff();
            } catch (RuntimeException e) {
                // closing anyway
            }
        }
    }

    public boolean connected() {
        ManagerConnection c = connection;
        return connected && c != null && c.getState() == ManagerConnectionState.CONNECTED;
    }

    public int active() {
        return active.get();
    }

    /**
     * Queues a call; returns its id at once. A call id already placed is not placed again (its id is
     * returned). Throws {@link RejectedExecutionException} when {@link #MAX_PENDING} calls are waiting:
     * the caller keeps the call and offers it again later.
     */
    public String place(VoiceCallRequest request) {
        String callId = request.callId() == null || request.callId().isBlank() ? UUID.randomUUID().toString() : request.callId();
        if (placed.contains(callId)) {
            log.info("voice call {} already placed, not again", callId);
            return callId;
        }
        if (pending.incrementAndGet() > maxPending) {
            pending.decrementAndGet();
            throw new RejectedExecutionException("voice call queue full (" + maxPending + " calls)");
        }
        if (!placed.add(callId)) {
            pending.decrementAndGet();
            return callId;
        }
        Attempt first = new Attempt(callId, request, 1);
        byCallId.put(callId, first);
        thread.execute(() -> {
            queue.add(first);
            pump();
        });
        log.info("voice call {} queued {} broadcast={} callee={}", callId, request.kind(), request.broadcastId(),
                PhoneMask.mask(request.callee()));
        return callId;
    }

    /** The request behind a call the broadcast script is running, or null. */
    public VoiceCallRequest request(String callId) {
        Attempt a = callId == null ? null : byCallId.get(callId);
        return a == null ? null : a.request;
    }

    /** The broadcast script played the whole message. */
    public void listened(String callId) {
        Attempt a = byCallId.get(callId);
        if (a != null) a.listened = true;
    }

    /** The callee pressed 2 and was subscribed by SMS. */
    public void subscribed(String callId) {
        Attempt a = byCallId.get(callId);
        if (a != null) a.subscribed = true;
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        if (stopped) return;
        // The manager's single event thread: hand over, never block it.
        thread.execute(() -> handle(event));
    }

    private void handle(ManagerEvent event) {
        if (event instanceof ConnectEvent) {
            connected = true;
            log.info("manager connected to {}:{}", options.amiHost(), options.amiPort());
            pump();
        } else if (event instanceof DisconnectEvent) {
            connected = false;
            log.warn("manager connection lost; Asterisk-Java reconnects");
        } else if (event instanceof OriginateResponseEvent e) {
            originateResponse(e);
        } else if (event instanceof HangupEvent e) {
            hangup(e);
        }
    }

    private void login() {
        if (stopped) return;
        try {
            connection.login("call");
            connected = true;
            pump();
        } catch (IOException | org.asteriskjava.manager.AuthenticationFailedException
                 | org.asteriskjava.manager.TimeoutException | IllegalStateException e) {
            log.warn("manager login to {}:{} failed ({}); retrying in {} ms", options.amiHost(), options.amiPort(),
                    e.getMessage(), LOGIN_RETRY_MS);
            thread.schedule(this::login, LOGIN_RETRY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void pump() {
        while (connected() && active.get() < options.outboundConcurrency() && !queue.isEmpty()) {
            originate(queue.poll());
        }
    }

    private void originate(Attempt a) {
        VoiceCallRequest r = a.request;
        OriginateAction action = new OriginateAction();
        action.setActionId(a.actionId());
        action.setChannel(String.format(options.dialPattern(), r.callee()));
        action.setContext(options.broadcastContext());
        action.setExten("s");
        action.setPriority(1);
        action.setTimeout(options.ringTimeout().toMillis());
        action.setAsync(true);
        Map<String, String> vars = new java.util.LinkedHashMap<>();
        vars.put(VoiceOptions.OUTBOUND_VARIABLES.get(0), a.callId);
        vars.put(VoiceOptions.OUTBOUND_VARIABLES.get(1), r.callee());
        vars.put(VoiceOptions.OUTBOUND_VARIABLES.get(2), r.broadcastId() == null ? "" : r.broadcastId());
        action.setVariables(vars);
        active.incrementAndGet();
        byAction.put(a.actionId(), a);
        try {
            connection.sendAction(action, response -> {
                if (response instanceof ManagerError) {
                    thread.execute(() -> {
                        if (byAction.remove(a.actionId()) != null) ended(a, VoiceCallOutcome.Result.FAILED);
                    });
                }
            });
            log.info("voice call {} attempt {} originated to {}", a.callId, a.number, PhoneMask.mask(r.callee()));
            // Events sent while the manager connection was down are never replayed: free the slot anyway.
            thread.schedule(() -> {
                if (byAction.remove(a.actionId()) != null) {
                    log.warn("voice call {} attempt {}: no OriginateResponse, counted as failed", a.callId, a.number);
                    ended(a, VoiceCallOutcome.Result.FAILED);
                }
            }, options.ringTimeout().toMillis() + LOST_RESPONSE_MARGIN_MS, TimeUnit.MILLISECONDS);
        } catch (IOException | RuntimeException e) {
            log.warn("voice call {} attempt {}: Originate not sent: {}", a.callId, a.number, e.toString());
            byAction.remove(a.actionId());
            ended(a, VoiceCallOutcome.Result.FAILED);
        }
    }

    private void originateResponse(OriginateResponseEvent e) {
        Attempt a = byAction.remove(e.getActionId());
        if (a == null) return;
        VoiceCallOutcome.Result result = "Success".equalsIgnoreCase(e.getResponse())
                ? VoiceCallOutcome.Result.ANSWERED : VoiceCallOutcome.Result.ofReason(e.getReason());
        if (result == VoiceCallOutcome.Result.ANSWERED) {
            a.answered = true;
            a.uniqueId = e.getUniqueId();
            if (a.uniqueId != null) byUniqueId.put(a.uniqueId, a);
            publish(a, result, false);
            thread.schedule(() -> {
                if (a.uniqueId != null && byUniqueId.remove(a.uniqueId) != null) {
                    log.warn("voice call {} attempt {}: no Hangup event, closed after {} ms", a.callId, a.number, MAX_CALL_MS);
                    ended(a, a.listened ? VoiceCallOutcome.Result.LISTENED_TO_END : VoiceCallOutcome.Result.ANSWERED);
                }
            }, MAX_CALL_MS, TimeUnit.MILLISECONDS);
            return;
        }
        ended(a, result);
    }

    private void hangup(HangupEvent e) {
        Attempt a = byUniqueId.remove(e.getUniqueId());
        if (a == null) return;
        ended(a, a.listened ? VoiceCallOutcome.Result.LISTENED_TO_END : VoiceCallOutcome.Result.ANSWERED);
    }

    /** The attempt is over now: report it, retry a failure after the interval, free the slot. */
    private void ended(Attempt a, VoiceCallOutcome.Result result) {
        active.decrementAndGet();
        boolean retry = result.failed() && a.number <= options.outboundRetries() && !stopped;
        publish(a, result, !retry);
        if (retry) {
            Attempt next = new Attempt(a.callId, a.request, a.number + 1);
            byCallId.put(a.callId, next);
            thread.schedule(() -> {
                queue.add(next);
                pump();
            }, options.retryInterval().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            thread.schedule(() -> byCallId.remove(a.callId), 1, TimeUnit.MINUTES);
        }
        pump();
    }

    private void publish(Attempt a, VoiceCallOutcome.Result result, boolean last) {
        log.info("voice call {} attempt {} {}{}", a.callId, a.number, result, last ? " (final)" : "");
        if (last) pending.decrementAndGet();
        outcomes.accept(new VoiceCallOutcome(a.callId, a.request.broadcastId(), a.request.callee(), a.number, result,
                a.subscribed, last, Instant.now()));
    }
}
