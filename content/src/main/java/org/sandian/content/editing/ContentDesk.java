package org.sandian.content.editing;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.sandian.content.audit.AuditLog;
import org.sandian.content.bus.Json;
import org.sandian.content.model.ContentMeta;
import org.sandian.content.model.Market;
import org.sandian.content.model.Status;
import org.sandian.content.store.ContentStores;

/**
 * Where content is written, reviewed and published: every save is a new {@link Revision}; approval
 * by a reviewer (someone other than the author, unless the hub allows self-approval) copies it into
 * the live collection that channels serve; withdrawal takes it out of service. Every step is
 * audited and region-scoped. Blocking: call from a worker.
 */
public final class ContentDesk {

    public static final String REVISIONS = "revisions";

    private final ContentStores stores;
    private final MongoCollection<Revision> revisions;
    private final AuditLog audit;
    private final Clock clock;
    private final boolean selfApproval;
    private final Consumer<ContentKind> changed;

    /** {@code changed} is told after each publish or withdrawal (the hub then reloads its snapshot). */
    public ContentDesk(ContentStores stores, AuditLog audit, Clock clock, boolean selfApproval,
                       Consumer<ContentKind> changed) {
        this.stores = stores;
        this.revisions = stores.store().collection(REVISIONS, Revision.class);
        this.audit = audit;
        this.clock = clock;
        this.selfApproval = selfApproval;
        this.changed = changed;
    }

    /** Saves a new draft version of {@code draft} (its meta is ignored and rebuilt). */
    public Revision save(Editor editor, ContentKind kind, Record draft) {
        mayWrite(editor, kind, draft);
        String docId = kind.idOf(draft);
        if (docId == null || docId.isBlank()) throw new EditRefused("the content needs an id");
        Revision last = latest(kind, docId);
        int version = last == null ? 1 : last.version() + 1;
        Instant now = clock.instant();
        Record withMeta = kind.withMeta(draft, new ContentMeta(Status.DRAFT, version, editor.name(), now, now));
        Revision r = new Revision(Revision.idOf(kind, docId, version), kind, docId, version, Status.DRAFT,
                editor.name(), null, null, now, json(withMeta));
        revisions.insertOne(r);
        audit.record(editor.name(), "content.save", target(kind, docId), region(kind, withMeta), null, r.json());
        return r;
    }

    /** Sends the latest draft for review. */
    public Revision submit(Editor editor, ContentKind kind, String docId) {
        Revision r = require(kind, docId, Status.DRAFT);
        mayWrite(editor, kind, recordOf(r));
        Revision submitted = r.with(Status.IN_REVIEW, null, null, clock.instant());
        revisions.replaceOne(eq("_id", r.id()), submitted);
        audit.record(editor.name(), "content.submit", target(kind, docId), region(kind, recordOf(r)), "draft", "in_review");
        return submitted;
    }

    /** Approves the version in review and publishes it on every channel. */
    public Revision approve(Editor reviewer, ContentKind kind, String docId) {
        Revision approved = publish(reviewer, kind, docId);
        changed.accept(kind);
        return approved;
    }

    /**
     * Approves many versions in review at once (e.g. a day's imported prices), each under the same
     * rules and with its own audit record as {@link #approve}; channels are told once at the end.
     * One refusal does not stop the others.
     *
     * @return per id, in the order given: null when published, else why it was refused
     */
    public java.util.Map<String, String> approveAll(Editor reviewer, ContentKind kind, List<String> docIds) {
        java.util.Map<String, String> outcome = new java.util.LinkedHashMap<>();
        boolean any = false;
        for (String docId : docIds) {
            try {
                publish(reviewer, kind, docId);
                outcome.put(docId, null);
                any = true;
            } catch (EditRefused refused) {
                outcome.put(docId, refused.getMessage());
            }
        }
        if (any) changed.accept(kind);
        return outcome;
    }

    private Revision publish(Editor reviewer, ContentKind kind, String docId) {
        Revision r = require(kind, docId, Status.IN_REVIEW);
        Record content = recordOf(r);
        mayReview(reviewer, kind, content);
        if (!selfApproval && reviewer.name().equals(r.author())) {
            throw new EditRefused("a second person must approve: " + r.author() + " wrote this version");
        }
        Instant now = clock.instant();
        Record live = liveOf(kind, docId);
        ContentMeta firstMeta = live == null ? null : kind.metaOf(live);
        Instant created = firstMeta == null ? r.at() : firstMeta.created();
        Record published = kind.withMeta(content, new ContentMeta(Status.PUBLISHED, r.version(), r.author(), created, now));
        liveCollection(kind).replaceOne(eq("_id", docId), published, new ReplaceOptions().upsert(true));
        Revision approved = r.with(Status.PUBLISHED, reviewer.name(), null, now);
        revisions.replaceOne(eq("_id", r.id()), approved);
        audit.record(reviewer.name(), "content.publish", target(kind, docId), region(kind, content),
                live == null ? null : json(live), json(published));
        return approved;
    }

    /** Sends the version in review back to its author with a reason. */
    public Revision sendBack(Editor reviewer, ContentKind kind, String docId, String note) {
        Revision r = require(kind, docId, Status.IN_REVIEW);
        mayReview(reviewer, kind, recordOf(r));
        Revision back = r.with(Status.DRAFT, reviewer.name(), note, clock.instant());
        revisions.replaceOne(eq("_id", r.id()), back);
        audit.record(reviewer.name(), "content.send-back", target(kind, docId), region(kind, recordOf(r)),
                "in_review", "draft: " + note);
        return back;
    }

    /** Takes published content out of service everywhere; its history stays. */
    public void withdraw(Editor editor, ContentKind kind, String docId) {
        Record live = liveOf(kind, docId);
        if (live == null || kind.metaOf(live).status() != Status.PUBLISHED) {
            throw new EditRefused(kind.name().toLowerCase() + " " + docId + " is not published");
        }
        if (!editor.may(Editor.Right.REVIEW) && !editor.may(Editor.Right.WRITE)) {
            throw new EditRefused("your role may not withdraw content");
        }
        if (!editor.covers(kind.scopeOf(live, this::marketRegion))) throw outsideRegion();
        ContentMeta m = kind.metaOf(live);
        Record withdrawn = kind.withMeta(live, new ContentMeta(Status.WITHDRAWN, m.version(), m.author(), m.created(),
                clock.instant()));
        liveCollection(kind).replaceOne(eq("_id", docId), withdrawn);
        audit.record(editor.name(), "content.withdraw", target(kind, docId), region(kind, live), json(live), json(withdrawn));
        changed.accept(kind);
    }

    /**
     * Every version of a document, oldest first. Content that came in without the desk (demo data,
     * imports) has no revisions yet: its live version stands as the first one.
     */
    public List<Revision> history(ContentKind kind, String docId) {
        String prefix = kind.name() + ":" + docId + ":";
        List<Revision> found = revisions.find(and(gte("_id", prefix), lt("_id", prefix + "~")))
                .sort(Sorts.ascending("_id")).batchSize(200).into(new ArrayList<>());
        if (found.isEmpty()) {
            Record live = liveOf(kind, docId);
            if (live != null) {
                ContentMeta m = kind.metaOf(live);
                found.add(new Revision(Revision.idOf(kind, docId, m.version()), kind, docId, m.version(), m.status(),
                        m.author(), null, "imported", m.updated(), json(live)));
            }
        }
        return found;
    }

    public Revision latest(ContentKind kind, String docId) {
        List<Revision> all = history(kind, docId);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /** Versions waiting for review that {@code reviewer} may approve. */
    public List<Revision> awaitingReview(Editor reviewer) {
        List<Revision> out = new ArrayList<>();
        for (Revision r : revisions.find(eq("status", Status.IN_REVIEW.name())).batchSize(500)) {
            if (reviewer.covers(r.kind().scopeOf(recordOf(r), this::marketRegion))) out.add(r);
        }
        return out;
    }

    /** May {@code editor} see this version (drafts and notes included)? Only within his region. */
    public boolean mayRead(Editor editor, Revision r) {
        return editor.covers(r.kind().scopeOf(recordOf(r), this::marketRegion));
    }

    /** The record a revision holds. */
    public Record recordOf(Revision r) {
        try {
            return Json.MAPPER.readValue(r.json(), r.kind().type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("revision " + r.id() + " is unreadable", e);
        }
    }

    public Record liveOf(ContentKind kind, String docId) {
        return liveCollection(kind).find(eq("_id", docId)).first();
    }

    @SuppressWarnings("unchecked")
    private MongoCollection<Record> liveCollection(ContentKind kind) {
        return (MongoCollection<Record>) stores.store().collection(kind.collection, kind.type);
    }

    private Revision require(ContentKind kind, String docId, Status status) {
        Revision r = latest(kind, docId);
        if (r == null) throw new EditRefused("no " + kind.name().toLowerCase() + " " + docId);
        if (r.status() != status) {
            throw new EditRefused(kind.name().toLowerCase() + " " + docId + " version " + r.version() + " is "
                    + r.status().name().toLowerCase() + ", not " + status.name().toLowerCase());
        }
        return r;
    }

    private void mayWrite(Editor editor, ContentKind kind, Record content) {
        boolean allowed = editor.may(Editor.Right.WRITE)
                || (kind == ContentKind.PRICE && editor.may(Editor.Right.REPORT_PRICES));
        if (!allowed) throw new EditRefused("your role may not write " + kind.name().toLowerCase());
        if (!editor.covers(kind.scopeOf(content, this::marketRegion))) throw outsideRegion();
    }

    private void mayReview(Editor reviewer, ContentKind kind, Record content) {
        if (!reviewer.may(Editor.Right.REVIEW)) throw new EditRefused("only a reviewer may approve");
        if (!reviewer.covers(kind.scopeOf(content, this::marketRegion))) throw outsideRegion();
    }

    private static EditRefused outsideRegion() {
        return new EditRefused("this content reaches beyond your region");
    }

    private String marketRegion(String marketId) {
        Market m = stores.markets().find(eq("_id", marketId)).first();
        return m == null ? null : m.regionCode();
    }

    private String region(ContentKind kind, Record content) {
        List<String> scope = kind.scopeOf(content, this::marketRegion);
        return scope.isEmpty() ? null : scope.get(0);
    }

    private static String target(ContentKind kind, String docId) {
        return kind.name().toLowerCase() + ":" + docId;
    }

    private static String json(Record r) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
