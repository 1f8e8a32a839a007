package org.sandian.content.questions;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.sandian.content.answer.Channel;
import org.sandian.content.answer.Intent;
import org.sandian.content.model.Lang;
import org.sandian.content.model.RegionCode;
import org.sandian.content.store.IndexSpec;
import org.sandian.content.store.MongoStore;

/**
 * Consultations and complaints in collection {@value #COLLECTION}, keyed by ticket number; the
 * numbers come from a counter document in {@value #COUNTERS}. Blocking: call from a worker.
 *
 * <p>Officers' changes read the question by number, check its state, and replace it by number
 * (a filter on {@code _id} alone: the embedded store's fast path). Two officers changing the same
 * question at the same instant: the last one wins.
 */
public final class QuestionStore {

    public static final String COLLECTION = "questions";
    public static final String COUNTERS = "counters";
    static final String COUNTER_ID = "question-number";

    /** For the officers' lists on a real MongoDB (the embedded store scans). */
    public static final List<IndexSpec> INDEXES = List.of(
            IndexSpec.lookup(COLLECTION, "questions_state_due", "state", "due"),
            IndexSpec.lookup(COLLECTION, "questions_phone_created", "phone", "created"));

    private static final int DUE_WORKING_DAYS = 2;

    private final MongoCollection<Question> questions;
    private final MongoCollection<Document> counters;
    private final Clock clock;
    private final WorkingDays workingDays;

    public QuestionStore(MongoStore store, Clock clock, WorkingDays workingDays) {
        this.questions = store.collection(COLLECTION, Question.class);
        this.counters = store.collection(COUNTERS, Document.class);
        this.clock = clock;
        this.workingDays = workingDays;
    }

    /** Stores a new OPEN question with the next ticket number, due two working days later. */
    public Question create(Intent kind, String phone, Channel channel, String text, String recording, String region,
                           Lang lang) {
        if (kind != Intent.ASK && kind != Intent.COMPLAIN) {
            throw new IllegalArgumentException("a question is ASK or COMPLAIN, not " + kind);
        }
        Instant now = now();
        for (int attempt = 1; ; attempt++) {
            Question q = new Question(TicketNumbers.format(nextSequence()), kind, phone, channel, text, recording,
                    region, lang, QuestionState.OPEN, null, null, now, workingDays.plus(now, DUE_WORKING_DAYS), null, null);
            try {
                questions.insertOne(q);
                return q;
            } catch (MongoWriteException e) {
                // The number is taken (a counter reset, or a racing hub): take the next one.
                if (attempt >= 5 || ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) throw e;
            }
        }
    }

    public Optional<Question> find(String number) {
        return Optional.ofNullable(questions.find(eq("_id", number)).first());
    }

    /** The latest question from {@code phone}, for "状态" sent without a number. */
    public Optional<Question> latestOf(String phone) {
        return Optional.ofNullable(questions.find(eq("phone", phone)).sort(Sorts.descending("created")).first());
    }

    /**
     * One page (1-based) of questions in {@code state} (any state when null) within the region
     * {@code regionCode} (its sub-regions included; all when null), the most urgent first.
     */
    public List<Question> list(QuestionState state, String regionCode, int page, int perPage) {
        return list(state, regionCode, false, page, perPage);
    }

    /**
     * A page of questions in a region subtree ({@code regionCode} null: all), soonest due first;
     * with {@code alsoUnplaced}, also those whose asker gave no region.
     */
    public List<Question> list(QuestionState state, String regionCode, boolean alsoUnplaced, int page, int perPage) {
        List<Bson> filters = new ArrayList<>();
        if (state != null) filters.add(eq("state", state.name()));
        if (regionCode != null) {
            Bson within = regex("region", "^" + Pattern.quote(RegionCode.prefix(regionCode)));
            filters.add(alsoUnplaced ? or(within, eq("region", null)) : within);
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        int size = Math.max(1, perPage);
        return questions.find(filter).sort(Sorts.ascending("due", "_id"))
                .skip((Math.max(1, page) - 1) * size).limit(size).batchSize(size)
                .into(new ArrayList<>());
    }

    /** Questions not yet answered whose due time has passed, the longest overdue first. */
    public List<Question> overdue(int limit) {
        Bson waiting = in("state", QuestionState.OPEN.name(), QuestionState.ASSIGNED.name());
        return questions.find(and(waiting, lt("due", now())))
                .sort(Sorts.ascending("due")).limit(limit).batchSize(Math.max(1, limit)).into(new ArrayList<>());
    }

    /** An officer takes an OPEN (or re-takes an ASSIGNED) question. Empty when the number is unknown. */
    public Optional<Question> assign(String number, String officer) {
        return change(number, q -> {
            requireState(q, QuestionState.OPEN, QuestionState.ASSIGNED);
            return q.assignedTo(officer);
        });
    }

    /** The officer's answer; it may be corrected while the question is not closed. */
    public Optional<Question> answer(String number, String officer, String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("an answer needs text");
        return change(number, q -> {
            requireState(q, QuestionState.OPEN, QuestionState.ASSIGNED, QuestionState.ANSWERED);
            return q.answered(officer, text.strip(), now());
        });
    }

    /** Closes a question in any state; closing twice keeps the first closing time. */
    public Optional<Question> close(String number) {
        return change(number, q -> q.state() == QuestionState.CLOSED ? q : q.closed(now()));
    }

    /**
     * Applies {@code how} to the stored question only if nobody changed it meanwhile (compare and
     * set on the state and answer time); otherwise reads again and retries, so an answer and a close
     * at the same moment never overwrite each other. The questions collection is small, so the
     * filter beside _id costs little even on the embedded store.
     */
    private Optional<Question> change(String number, UnaryOperator<Question> how) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Question> current = find(number);
            if (current.isEmpty()) return current;
            Question before = current.get();
            Question changed = how.apply(before);
            if (changed.equals(before)) return Optional.of(changed);
            Bson unchanged = and(eq("_id", number), eq("state", before.state().name()),
                    eq("answeredAt", before.answeredAt()));
            if (questions.replaceOne(unchanged, changed).getMatchedCount() == 1) return Optional.of(changed);
        }
        throw new IllegalStateException("question " + number + " is being changed by someone else: try again");
    }

    private static void requireState(Question q, QuestionState... allowed) {
        for (QuestionState s : allowed) if (q.state() == s) return;
        throw new IllegalStateException("question " + q.number() + " is " + q.state());
    }

    /** Next ticket sequence: $inc on the counter document, created by the first call. */
    long nextSequence() {
        FindOneAndUpdateOptions upsert = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        for (int attempt = 0; ; attempt++) {
            try {
                Document counter = counters.findOneAndUpdate(eq("_id", COUNTER_ID), Updates.inc("n", 1L), upsert);
                return counter.getLong("n");
            } catch (MongoCommandException | MongoWriteException e) {
                // Two first calls racing to create the counter: one insert loses; the retry increments.
                if (attempt > 0 || ErrorCategory.fromErrorCode(code(e)) != ErrorCategory.DUPLICATE_KEY) throw e;
            }
        }
    }

    private static int code(RuntimeException e) {
        return e instanceof MongoCommandException c ? c.getErrorCode() : ((MongoWriteException) e).getCode();
    }

    /** BSON dates keep milliseconds: keep what we return equal to what we store. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
