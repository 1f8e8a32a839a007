package org.sandian.channels.sms.mo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.bson.Document;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.sandian.channels.sms.InboundMessage;
import org.sandian.channels.sms.codec.Concat;
import org.sandian.channels.sms.codec.MoPayload;
import org.sandian.content.bus.PhoneMask;
import org.sandian.content.store.BatchWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns deliver_sm into stored {@link InboundMessage}s. Every PDU is durably stored (a whole MO in
 * {@code sms_mo}, a part in {@code sms_mo_parts}, through group-committing writers) before the
 * listener returns, and jSMPP sends deliver_sm_resp only then; if the store fails the SMSC gets
 * ESME_RX_T_APPN and delivers again. Receipts go to the {@link ReceiptSink} under the same rule.
 * Stored messages are handed to {@code deliver} on bounded per-number lanes ({@link MoLanes}).
 * Which messages are handled is not written per message: a {@link HandledCheckpoint} stores, about
 * once a second, the time before which all are, and {@link #recover} hands over again every
 * message received since the oldest checkpoint. Nothing is lost; a message handed over twice does
 * not get two replies, because its reply's id is derived from the message's id (see SmsDialogue).
 */
public final class MoIntake implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MoIntake.class);
    /** How long a deliver_sm waits for its store before the SMSC is told to deliver again. */
    private static final Duration STORE_WAIT = Duration.ofSeconds(10);
    /** Messages queued per lane, and in the handler per lane, before intake blocks (SMSC gets THROTTLED). */
    private static final int LANE_CAPACITY = 256;

    private final BatchWriter<Document> messages;
    private final BatchWriter<Document> parts;
    private final MongoCollection<Document> partsCollection;
    private final MongoCollection<Document> messagesCollection;
    private final ReceiptSink receipts;
    private final Clock clock;
    private final Duration partTimeout;
    private final RecentPdus recent;
    private final PartAssembler assembler = new PartAssembler();
    private final MoLanes lanes;
    private final HandledCheckpoint checkpoint;
    private final AtomicBoolean saving = new AtomicBoolean();
    private final long storeWaitMillis;
    private final ExecutorService cleanup = Executors.newSingleThreadExecutor(r -> daemon(r, "mo-cleanup"));
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final String node = Long.toString(System.currentTimeMillis(), 36);

    public MoIntake(MongoCollection<Document> messagesCollection, MongoCollection<Document> partsCollection,
                    MongoCollection<Document> progressCollection, ReceiptSink receipts,
                    Function<InboundMessage, ? extends CompletionStage<?>> deliver, Clock clock,
                    Duration partTimeout, long redeliveryGraceMillis, int lanes) {
        this(messagesCollection, partsCollection, progressCollection, receipts, deliver, clock, partTimeout,
                redeliveryGraceMillis, lanes, STORE_WAIT);
    }

    /** With another store wait (tests of a store that answers late). */
    MoIntake(MongoCollection<Document> messagesCollection, MongoCollection<Document> partsCollection,
             MongoCollection<Document> progressCollection, ReceiptSink receipts,
             Function<InboundMessage, ? extends CompletionStage<?>> deliver, Clock clock,
             Duration partTimeout, long redeliveryGraceMillis, int lanes, Duration storeWait) {
        this.storeWaitMillis = storeWait.toMillis();
        this.messages = new BatchWriter<>(messagesCollection, "sms_mo", 500, Duration.ZERO);
        this.parts = new BatchWriter<>(partsCollection, "sms_mo_parts", 500, Duration.ZERO);
        this.partsCollection = partsCollection;
        this.messagesCollection = messagesCollection;
        this.receipts = receipts;
        this.clock = clock;
        this.partTimeout = partTimeout;
        this.recent = new RecentPdus(redeliveryGraceMillis, 1_000);
        this.checkpoint = new HandledCheckpoint(progressCollection, node, clock);
        this.lanes = new MoLanes(lanes, LANE_CAPACITY, deliver, m -> checkpoint.closed(m.id()));
    }

    /** The deliver_sm listener of one session. */
    public MessageReceiverListener listenerFor(String sessionId) {
        return new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm pdu) throws ProcessRequestException {
                accept(sessionId, pdu);
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alert) {
                // nothing to do: we do not hold messages for absent handsets
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
                throw new ProcessRequestException("data_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
            }
        };
    }

    public void sessionClosed(String sessionId) {
        recent.sessionClosed(sessionId, clock.millis());
    }

    /** MO stored since start (whole messages, re-deliveries not counted). */
    public long received() {
        return received.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public int pendingSets() {
        return assembler.pendingSets();
    }

    void accept(String sessionId, DeliverSm pdu) throws ProcessRequestException {
        if (Receipt.isReceipt(pdu)) {
            Receipt r = Receipt.parse(pdu);
            if (r == null) {
                log.warn("receipt without id ignored: {}", new String(pdu.getShortMessage(), StandardCharsets.ISO_8859_1));
                return;
            }
            await(receipts.onReceipt(r), "receipt " + r.smscId());
            return;
        }
        byte[] ud = pdu.getShortMessage();
        OptionalParameter payload = pdu.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
        if ((ud == null || ud.length == 0) && payload instanceof OptionalParameter.OctetString o) ud = o.getValue();
        MoPayload decoded = MoPayload.decode(pdu.getEsmClass(), pdu.getDataCoding(), ud, sar(pdu));
        String from = PhoneNumbers.toE164(pdu.getSourceAddr(), pdu.getSourceAddrTon());
        String to = pdu.getDestAddress();
        Instant now = clock.instant();
        RecentPdus.Ticket ticket = recent.begin(fingerprint(pdu, ud), sessionId, now.toEpochMilli());
        if (ticket == null) {
            duplicates.incrementAndGet();
            log.info("MO from {} delivered again (our answer was lost or late): already stored", PhoneMask.mask(from));
            return;
        }
        boolean stored = false;
        String id = idOf(ticket);
        try {
            store(id, from, to, decoded, now);
            stored = true;
        } finally {
            recent.finish(ticket, stored, clock.millis());
        }
    }

    /**
     * A copy written once already (its store answered late) is written again under the same id:
     * the duplicate key counts as stored, and the message is handed over by this copy, as the
     * first one's was not.
     */
    private void store(String id, String from, String to, MoPayload decoded, Instant now)
            throws ProcessRequestException {
        Concat c = decoded.concat();
        if (c == null || c.total() <= 1 || !c.valid()) {
            InboundMessage m = new InboundMessage(id, from, to, decoded.text(), now);
            checkpoint.opened(id, now);
            try {
                await(messages.write(toDoc(m, 1, true)), "MO");
            } catch (ProcessRequestException notStored) {
                checkpoint.closed(id);
                throw notStored;
            }
            handOver(m);
            return;
        }
        PartAssembler.Part part = new PartAssembler.Part(id + "p" + c.seq(),
                PartAssembler.setKey(from, to, c.ref(), c.total()), from, to, c.seq(), c.total(), decoded.text(), now);
        await(parts.write(toDoc(part)), "MO part");
        PartAssembler.Released done = assembler.add(part);
        if (done != null) complete(done);
    }

    /**
     * Releases incomplete sets older than the timeout as they are, and stores the handled
     * checkpoint (on a thread of ours: this may be called on an event loop); call every second or so.
     */
    public void sweep() {
        if (saving.compareAndSet(false, true)) {
            try {
                cleanup.execute(() -> {
                    try {
                        checkpoint.save();
                    } catch (RuntimeException e) {
                        log.warn("MO checkpoint not stored: {}", e.toString());
                    } finally {
                        saving.set(false);
                    }
                });
            } catch (RejectedExecutionException stopping) {
                saving.set(false);
            }
        }
        for (PartAssembler.Released r : assembler.expire(clock.instant().minus(partTimeout))) {
            log.info("MO from {}: {} part(s) missing after {}, handled as received",
                    PhoneMask.mask(r.parts().get(0).from()), r.parts().get(0).total() - r.parts().size(), partTimeout);
            complete(r);
        }
    }

    /**
     * After a restart: messages received since the oldest checkpoint (or, in a store written before
     * checkpoints, those stored {@code handled: false}) are handed over again, first, so a set
     * joined below is not handed over twice; this run's checkpoint then covers them. Then parts
     * stored but never joined go back into the assembler. Returns the parts.
     */
    public int recover() {
        Instant from = checkpoint.resumeFrom();
        int unhandled = 0;
        for (Document d : messagesCollection.find(from == null ? Filters.eq("handled", false)
                : Filters.gte("receivedAt", Date.from(from))).batchSize(500)) {
            InboundMessage m = new InboundMessage(d.getString("_id"), d.getString("from"), d.getString("to"),
                    d.getString("text"), d.getDate("receivedAt").toInstant());
            checkpoint.opened(m.id(), m.receivedAt());
            handOver(m);
            unhandled++;
        }
        checkpoint.save();
        checkpoint.forgetOtherRuns();
        if (unhandled > 0) log.info("MO: {} stored message(s) received since the last checkpoint handed over again", unhandled);
        int n = 0;
        for (Document d : partsCollection.find().batchSize(500)) {
            PartAssembler.Part p = new PartAssembler.Part(d.getString("_id"), d.getString("set"), d.getString("from"),
                    d.getString("to"), d.getInteger("seq"), d.getInteger("total"), d.getString("text"),
                    d.getDate("at").toInstant());
            PartAssembler.Released done = assembler.add(p);
            if (done != null) {
                // joined before the stop but its parts not yet cleaned: do not hand it over twice
                if (alreadyJoined(done)) cleanUp(done);
                else complete(done);
            }
            n++;
        }
        return n;
    }

    private void complete(PartAssembler.Released set) {
        PartAssembler.Part last = set.last();
        String id = joinedId(set);
        InboundMessage m = new InboundMessage(id, last.from(), last.to(), set.text(), last.at());
        checkpoint.opened(id, m.receivedAt());
        messages.write(toDoc(m, set.parts().size(), set.complete())).whenComplete((ok, err) -> {
            if (err != null) {
                checkpoint.closed(id);
                // the parts stay stored: the next start joins them again
                log.error("MO from {}: joined message not stored: {}", PhoneMask.mask(m.from()), err.toString());
                return;
            }
            handOver(m);
            cleanUp(set);
        });
    }

    private static String joinedId(PartAssembler.Released set) {
        return set.parts().get(0).partId() + "m";
    }

    private boolean alreadyJoined(PartAssembler.Released set) {
        return messagesCollection.find(Filters.eq("_id", joinedId(set))).first() != null;
    }

    private void cleanUp(PartAssembler.Released set) {
        List<String> ids = new ArrayList<>();
        for (PartAssembler.Part p : set.parts()) ids.add(p.partId());
        cleanup.execute(() -> {
            try {
                partsCollection.deleteMany(Filters.in("_id", ids));
            } catch (RuntimeException e) {
                log.warn("MO parts not cleaned: {}", e.toString());
            }
        });
    }

    private void handOver(InboundMessage m) {
        received.incrementAndGet();
        try {
            lanes.submit(m);
        } catch (RejectedExecutionException e) {
            log.info("MO from {} stored during the stop: handed over at the next start", PhoneMask.mask(m.from()));
        }
    }

    private void await(CompletableFuture<?> stored, String what) throws ProcessRequestException {
        try {
            stored.get(storeWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessRequestException(what + " not stored", SMPPConstant.STAT_ESME_RX_T_APPN);
        } catch (Exception e) {
            log.warn("{} not stored, SMSC will deliver again: {}", what, e.toString());
            throw new ProcessRequestException(what + " not stored", SMPPConstant.STAT_ESME_RX_T_APPN);
        }
    }

    private String idOf(RecentPdus.Ticket ticket) {
        return "mo-" + node + "-" + Long.toString(ticket.id(), 36);
    }

    private static Concat sar(DeliverSm pdu) {
        OptionalParameter ref = pdu.getOptionalParameter(OptionalParameter.Tag.SAR_MSG_REF_NUM);
        OptionalParameter total = pdu.getOptionalParameter(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS);
        OptionalParameter seq = pdu.getOptionalParameter(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM);
        if (ref instanceof OptionalParameter.Short r && total instanceof OptionalParameter.Byte t
                && seq instanceof OptionalParameter.Byte s) {
            return new Concat(r.getValue() & 0xFFFF, t.getValue() & 0xFF, s.getValue() & 0xFF);
        }
        return null;
    }

    private static String fingerprint(DeliverSm pdu, byte[] ud) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(String.valueOf(pdu.getSourceAddr()).getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(String.valueOf(pdu.getDestAddress()).getBytes(StandardCharsets.UTF_8));
            md.update(ByteBuffer.allocate(2).put(pdu.getEsmClass()).put(pdu.getDataCoding()).array());
            if (ud != null) md.update(ud);
            Concat sar = sar(pdu);
            if (sar != null) md.update(sar.toString().getBytes(StandardCharsets.UTF_8));
            // an SMSC that stamps its deliver_sm tells two sends of the same words apart for us
            String stamp = pdu.getScheduleDeliveryTime();
            if (stamp != null && !stamp.isBlank()) md.update(stamp.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document toDoc(InboundMessage m, int partCount, boolean complete) {
        return new Document("_id", m.id()).append("from", m.from()).append("to", m.to()).append("text", m.text())
                .append("receivedAt", Date.from(m.receivedAt())).append("parts", partCount)
                .append("complete", complete);
    }

    private static Document toDoc(PartAssembler.Part p) {
        return new Document("_id", p.partId()).append("set", p.setKey()).append("from", p.from())
                .append("to", p.to()).append("seq", p.seq()).append("total", p.total()).append("text", p.text())
                .append("at", Date.from(p.at()));
    }

    @Override
    public void close() {
        messages.close();
        parts.close();
        lanes.close(2_000);
        try {
            checkpoint.save(); // what was finished during the stop is not handed over again
        } catch (RuntimeException e) {
            log.warn("MO checkpoint not stored at the stop: {}", e.toString());
        }
        cleanup.shutdown();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
