package org.sandian.channels.sms.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;
import org.sandian.channels.sms.codec.Concat;
import org.sandian.channels.sms.codec.MoPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMSC on a TCP port, jSMPP server side, for tests, the demo and {@code sandian smsc-sim}.
 * Records every submit (decoded, joined into {@link SimMessage}s), answers over its TPS with
 * ESME_RTHROTTLED, can drop the connection mid-traffic, sends receipts (hex or decimal ids) and
 * delivers MO like a real SMSC: a deliver_sm refused or left unanswered is delivered again.
 */
public final class SmscSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmscSimulator.class);
    /** How long a receipt waits for a bound hub before it is dropped. */
    private static final long RECEIPT_KEPT_MS = 10 * 60_000;

    private final SimOptions options;
    private final SMPPServerSessionListener listener;
    private final ExecutorService binder = Executors.newCachedThreadPool(daemon("sim-bind"));
    /** Deliver_sm (MO and receipts each) in flight at once, like an SMSC's own window. */
    static final int WINDOW = 32;
    private final ScheduledExecutorService receipts = Executors.newScheduledThreadPool(WINDOW, daemon("sim-receipt"));
    private final AtomicInteger receiptsPending = new AtomicInteger();
    private final List<SMPPServerSession> bound = new CopyOnWriteArrayList<>();
    private final Map<String, Long> staleUntil = new ConcurrentHashMap<>();
    // queues, not copy-on-write lists: those copied every record at each add, quadratic over a bench run
    private final Queue<SimSubmit> submits = new ConcurrentLinkedQueue<>();
    private final Queue<SimMessage> messages = new ConcurrentLinkedQueue<>();
    private final AtomicInteger messageCount = new AtomicInteger();
    private final Map<String, SimSubmit[]> assembling = new ConcurrentHashMap<>();
    private final Map<Session, long[]> tpsWindows = new ConcurrentHashMap<>();
    private final LinkedBlockingDeque<SimMo> moQueue = new LinkedBlockingDeque<>();
    private final AtomicLong nextId = new AtomicLong(0x00A1B2C0L);
    private final AtomicInteger pdus = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger moAccepted = new AtomicInteger();
    private final AtomicInteger moRefused = new AtomicInteger();
    private final AtomicInteger moPending = new AtomicInteger();
    private final AtomicInteger drops = new AtomicInteger();
    private final AtomicInteger bindsRefused = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<Consumer<SimMessage>> messageListeners = new CopyOnWriteArrayList<>();
    private final Thread acceptThread;
    private final List<Thread> moThreads = new ArrayList<>();
    private volatile int dropAfter;
    private volatile int dropAfterTaking;
    private volatile boolean receiptsOn;
    private volatile boolean decimalIds;
    private volatile int tps;
    private volatile int overTpsStatus = SMPPConstant.STAT_ESME_RTHROTTLED;
    private volatile boolean closed;

    private SmscSimulator(SimOptions options) throws IOException {
        this.options = options;
        this.dropAfter = options.dropAfter();
        this.receiptsOn = options.receipts();
        this.decimalIds = options.decimalIds();
        this.tps = options.tps();
        listener = new SMPPServerSessionListener(options.port(), 0, 50, new NoDelayServerConnectionFactory());
        listener.setPduProcessorDegree(8);
        listener.setQueueCapacity(10_000);
        listener.setMessageReceiverListener(new Receiver());
        acceptThread = new Thread(this::acceptLoop, "sim-accept-" + options.port());
        acceptThread.setDaemon(true);
        for (int i = 0; i < WINDOW; i++) {
            Thread t = new Thread(this::moLoop, "sim-mo-" + options.port() + "-" + i);
            t.setDaemon(true);
            moThreads.add(t);
        }
    }

    /** Listens on {@code options.port()} and accepts binds until {@link #close()}. */
    public static SmscSimulator start(SimOptions options) throws IOException {
        SmscSimulator sim = new SmscSimulator(options);
        sim.acceptThread.start();
        sim.moThreads.forEach(Thread::start);
        log.info("smsc-sim listening on port {} (system id {})", options.port(), options.systemId());
        return sim;
    }

    public int port() {
        return options.port();
    }

    // ---------------------------------------------------------------- MO injection

    /** Queues one MO (single PDU) in the given data_coding (0 GSM-7, 3 Latin-1, 8 UCS-2). */
    public void injectMo(String from, String to, String text, int dataCoding) {
        moPending.incrementAndGet();
        moQueue.add(new SimMo(from, to, (byte) dataCoding, (byte) 0, encode(text, dataCoding), null));
    }

    /**
     * Queues a long MO as concatenated parts of {@code charsPerPart} characters, delivered in
     * {@code order} (1-based part numbers; null = in order).
     */
    public void injectLongMo(String from, String to, String text, int dataCoding, int charsPerPart,
                             ConcatMode mode, int ref, int[] order) {
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < text.length(); i += charsPerPart) {
            chunks.add(text.substring(i, Math.min(text.length(), i + charsPerPart)));
        }
        int total = chunks.size();
        int[] seqs = order != null ? order : java.util.stream.IntStream.rangeClosed(1, total).toArray();
        for (int seq : seqs) {
            byte[] body = encode(chunks.get(seq - 1), dataCoding);
            moPending.incrementAndGet();
            if (mode == ConcatMode.SAR) {
                OptionalParameter[] sar = {
                        new OptionalParameter.Short(OptionalParameter.Tag.SAR_MSG_REF_NUM, (short) ref),
                        new OptionalParameter.Byte(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS, (byte) total),
                        new OptionalParameter.Byte(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM, (byte) seq)};
                moQueue.add(new SimMo(from, to, (byte) dataCoding, (byte) 0, body, sar));
            } else {
                byte[] udh = mode == ConcatMode.UDH16
                        ? new byte[]{6, 8, 4, (byte) (ref >> 8), (byte) ref, (byte) total, (byte) seq}
                        : new byte[]{5, 0, 3, (byte) ref, (byte) total, (byte) seq};
                byte[] ud = new byte[udh.length + body.length];
                System.arraycopy(udh, 0, ud, 0, udh.length);
                System.arraycopy(body, 0, ud, udh.length, body.length);
                moQueue.add(new SimMo(from, to, (byte) dataCoding, (byte) 0x40, ud, null));
            }
        }
    }

    public enum ConcatMode { UDH8, UDH16, SAR }

    private static byte[] encode(String text, int dataCoding) {
        if (dataCoding == 8) return text.getBytes(StandardCharsets.UTF_16BE);
        if (dataCoding == 3) return text.getBytes(StandardCharsets.ISO_8859_1);
        return org.sandian.channels.sms.codec.Gsm7.encode(text);
    }

    private void moLoop() {
        while (!closed) {
            SimMo mo;
            try {
                mo = moQueue.take();
            } catch (InterruptedException e) {
                return;
            }
            SMPPServerSession session = pickSession();
            if (session == null) {
                moQueue.addFirst(mo);
                pause(50);
                continue;
            }
            try {
                session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, mo.from,
                        TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, mo.to, new ESMClass(mo.esm), (byte) 0,
                        (byte) 0, new RegisteredDelivery(0), DataCodings.newInstance(mo.dcs), mo.userData,
                        mo.tlvs == null ? new OptionalParameter[0] : mo.tlvs);
                moAccepted.incrementAndGet();
                moPending.decrementAndGet();
            } catch (NegativeResponseException e) {
                moRefused.incrementAndGet();
                log.info("sim: deliver_sm refused with 0x{}: delivering it again", Integer.toHexString(e.getCommandStatus()));
                moQueue.addFirst(mo);
                pause(100);
            } catch (Exception e) {
                // no answer (connection dropped, timeout): an SMSC delivers it again later
                moRefused.incrementAndGet();
                moQueue.addFirst(mo);
                pause(100);
            }
        }
    }

    private SMPPServerSession pickSession() {
        for (SMPPServerSession s : bound) if (receives(s)) return s;
        return null;
    }

    private boolean receives(SMPPServerSession s) {
        if (s == null || !bound.contains(s)) return false;
        SessionState st = s.getSessionState();
        return st == SessionState.BOUND_TRX || st == SessionState.BOUND_RX;
    }

    // ---------------------------------------------------------------- binds

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                binder.execute(() -> bind(session));
            } catch (IOException e) {
                if (!closed) log.warn("sim accept: {}", e.toString());
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest req = session.waitForBind(5_000);
            if (!options.systemId().equals(req.getSystemId()) || !options.password().equals(req.getPassword())) {
                bindsRefused.incrementAndGet();
                req.reject(SMPPConstant.STAT_ESME_RINVPASWD);
                return;
            }
            long stale = staleUntil.getOrDefault(req.getSystemId(), 0L);
            if (bound.size() >= options.maxBinds() || System.currentTimeMillis() < stale) {
                bindsRefused.incrementAndGet();
                req.reject(SMPPConstant.STAT_ESME_RALYBND);
                return;
            }
            session.addSessionStateListener((now, old, s) -> {
                if (!now.isBound()) bound.remove(s);
            });
            req.accept(options.systemId());
            bound.add(session);
            log.info("sim: bound {} as {}", req.getSystemId(), req.getBindType());
        } catch (Exception e) {
            log.info("sim: bind failed: {}", e.toString());
            session.close();
        }
    }

    /** Drops every connection now, without unbind (a network blip). */
    public void dropAll() {
        for (SMPPServerSession s : bound) drop(s);
    }

    private void drop(SMPPServerSession s) {
        drops.incrementAndGet();
        if (options.staleBindMillis() > 0) {
            staleUntil.put(options.systemId(), System.currentTimeMillis() + options.staleBindMillis());
        }
        bound.remove(s);
        binder.execute(s::close);
    }

    // ---------------------------------------------------------------- submits

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
            int n = pdus.incrementAndGet();
            int limit = dropAfter;
            if (limit > 0 && n >= limit) {
                dropAfter = 0; // once
                drop(session);
                waitClosed(session);
                throw new ProcessRequestException("dropped", SMPPConstant.STAT_ESME_RSYSERR);
            }
            int takeLimit = dropAfterTaking;
            if (takeLimit > 0 && n >= takeLimit) {
                dropAfterTaking = 0; // once
                accept(submit, session); // the SMSC has it (and will send its receipt)...
                drop(session);
                waitClosed(session);
                throw new ProcessRequestException("dropped", SMPPConstant.STAT_ESME_RSYSERR); // ...the answer never goes
            }
            if (overTps(session)) {
                throttled.incrementAndGet();
                throw new ProcessRequestException("throttled", overTpsStatus);
            }
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                return accept(submit, session);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        private SubmitSmResult accept(SubmitSm submit, SMPPServerSession from) throws ProcessRequestException {
            long id = nextId.incrementAndGet();
            String hex = String.format("%08X", id);
            Concat sar = sar(submit.getOptionalParameters());
            MoPayload p = MoPayload.decode(submit.getEsmClass(), submit.getDataCoding(), submit.getShortMessage(), sar);
            boolean wantReceipt = (submit.getRegisteredDelivery() & 0x03) != 0;
            SimSubmit s = new SimSubmit(hex, submit.getSourceAddr(), submit.getDestAddress(), submit.getDataCoding(),
                    p.text(), p.concat(), wantReceipt, Instant.now());
            submits.add(s);
            assemble(s);
            if (wantReceipt && receiptsOn) {
                String receiptId = decimalIds ? Long.toString(id) : hex;
                receiptsPending.incrementAndGet();
                receipts.schedule(() -> {
                    try {
                        sendReceipt(s, receiptId, !decimalIds, from);
                    } finally {
                        receiptsPending.decrementAndGet();
                    }
                }, 5, TimeUnit.MILLISECONDS);
            }
            try {
                return new SubmitSmResult(new MessageId(hex), new OptionalParameter[0]);
            } catch (org.jsmpp.PDUStringException e) {
                throw new ProcessRequestException("bad id", SMPPConstant.STAT_ESME_RSYSERR);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    private static Concat sar(OptionalParameter[] tlvs) {
        if (tlvs == null) return null;
        Integer ref = null;
        Integer total = null;
        Integer seq = null;
        for (OptionalParameter t : tlvs) {
            if (t.tag == OptionalParameter.Tag.SAR_MSG_REF_NUM.code()) ref = ((OptionalParameter.Short) t).getValue() & 0xFFFF;
            if (t.tag == OptionalParameter.Tag.SAR_TOTAL_SEGMENTS.code()) total = ((OptionalParameter.Byte) t).getValue() & 0xFF;
            if (t.tag == OptionalParameter.Tag.SAR_SEGMENT_SEQNUM.code()) seq = ((OptionalParameter.Byte) t).getValue() & 0xFF;
        }
        return ref != null && total != null && seq != null ? new Concat(ref, total, seq) : null;
    }

    private boolean overTps(Session session) {
        int limit = tps;
        if (limit <= 0) return false;
        long second = System.nanoTime() / 1_000_000_000L;
        long[] w = tpsWindows.computeIfAbsent(session, k -> new long[2]);
        synchronized (w) {
            if (w[0] != second) {
                w[0] = second;
                w[1] = 0;
            }
            return ++w[1] > limit;
        }
    }

    private void assemble(SimSubmit s) {
        if (s.concat() == null || s.concat().total() <= 1) {
            complete(new SimMessage(s.from(), s.to(), s.text(), List.of(s)));
            return;
        }
        String key = s.to() + "|" + s.concat().ref() + "|" + s.concat().total();
        SimSubmit[] done = null;
        synchronized (assembling) {
            SimSubmit[] parts = assembling.computeIfAbsent(key, k -> new SimSubmit[s.concat().total()]);
            parts[s.concat().seq() - 1] = s;
            boolean all = true;
            for (SimSubmit p : parts) all &= p != null;
            if (all) {
                assembling.remove(key);
                done = parts;
            }
        }
        if (done != null) {
            StringBuilder text = new StringBuilder();
            for (SimSubmit p : done) text.append(p.text());
            complete(new SimMessage(s.from(), s.to(), text.toString(), List.of(done)));
        }
    }

    private void complete(SimMessage m) {
        messages.add(m);
        messageCount.incrementAndGet();
        for (Consumer<SimMessage> l : messageListeners) l.accept(m);
    }

    /** To the session that took the submit while it can take it, as SMSCs do; else to another bind of the account. */
    private void sendReceipt(SimSubmit s, String receiptId, boolean withTlv, SMPPServerSession from) {
        SimpleDateFormat f = new SimpleDateFormat("yyMMddHHmm");
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        String date = f.format(new Date());
        String snippet = s.text().length() > 20 ? s.text().substring(0, 20) : s.text();
        String body = "id:" + receiptId + " sub:001 dlvrd:001 submit date:" + date + " done date:" + date
                + " stat:DELIVRD err:000 text:" + snippet;
        OptionalParameter[] tlvs = withTlv
                ? new OptionalParameter[]{new OptionalParameter.COctetString(
                        OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(), receiptId)}
                : new OptionalParameter[0];
        // Like an SMSC, keep a receipt until a hub of the account is bound to take it (a restart).
        long giveUpAt = System.currentTimeMillis() + RECEIPT_KEPT_MS;
        while (!closed && System.currentTimeMillis() < giveUpAt) {
            SMPPServerSession session = receives(from) ? from : pickSession();
            if (session == null) {
                pause(100);
                continue;
            }
            try {
                session.deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, s.to(),
                        TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, s.from(), new ESMClass(0x04), (byte) 0,
                        (byte) 0, new RegisteredDelivery(0), new GeneralDataCoding(),
                        body.getBytes(StandardCharsets.ISO_8859_1), tlvs);
                return;
            } catch (Exception e) {
                pause(100);
            }
        }
    }

    // ---------------------------------------------------------------- what tests read

    /** Receipts due that the hub has not yet answered (nor been given up on). */
    public int receiptsPending() {
        return receiptsPending.get();
    }

    public List<SimSubmit> submits() {
        return List.copyOf(submits);
    }

    public List<SimMessage> messages() {
        return List.copyOf(messages);
    }

    public void onMessage(Consumer<SimMessage> l) {
        messageListeners.add(l);
    }

    /** Waits until at least {@code n} whole MT messages arrived; false on timeout. */
    public boolean awaitMessages(int n, long timeoutMillis) {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (messageCount.get() < n) {
            if (System.currentTimeMillis() > end) return false;
            pause(10);
        }
        return true;
    }

    /** Waits until every injected MO was acknowledged with success; false on timeout. */
    public boolean awaitMoDelivered(long timeoutMillis) {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (moPending.get() > 0) {
            if (System.currentTimeMillis() > end) return false;
            pause(10);
        }
        return true;
    }


    public int boundSessions() {
        return bound.size();
    }

    public int throttledCount() {
        return throttled.get();
    }

    public int moAccepted() {
        return moAccepted.get();
    }

    public int moRefused() {
        return moRefused.get();
    }

    public int drops() {
        return drops.get();
    }

    public int bindsRefused() {
        return bindsRefused.get();
    }

    /** Most submit_sm being handled at the same time (a lower bound of the ESME's window use). */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    public void setDropAfter(int pdus) {
        this.pdus.set(0);
        this.dropAfter = pdus;
    }

    /** Takes the Nth submit from now (records it, sends its receipt) and drops the connection before answering it. */
    public void setDropAfterTaking(int pdus) {
        this.pdus.set(0);
        this.dropAfterTaking = pdus;
    }

    public void setTps(int limit) {
        this.tps = limit;
    }

    /** What a submit over the TPS gets: ESME_RTHROTTLED (default) or e.g. ESME_RMSGQFUL. */
    public void setOverTpsStatus(int commandStatus) {
        this.overTpsStatus = commandStatus;
    }

    public void setReceipts(boolean on, boolean decimal) {
        this.receiptsOn = on;
        this.decimalIds = decimal;
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (SMPPServerSession s : bound) s.unbindAndClose();
        acceptThread.interrupt();
        moThreads.forEach(Thread::interrupt);
        binder.shutdownNow();
        receipts.shutdownNow();
    }

    private static void waitClosed(SMPPServerSession s) {
        long end = System.currentTimeMillis() + 2_000;
        while (s.getSessionState() != SessionState.CLOSED && System.currentTimeMillis() < end) pause(5);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private record SimMo(String from, String to, byte dcs, byte esm, byte[] userData, OptionalParameter[] tlvs) {
    }
}
