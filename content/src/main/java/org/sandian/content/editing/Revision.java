package org.sandian.content.editing;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;
import org.sandian.content.model.Status;

/**
 * One version of a piece of content, kept for ever: its full text as JSON (for history and diffs),
 * who wrote it, and where it is in review. The live collections hold only what is published.
 *
 * @param id     "kind:docId:version" with the version zero-padded, so a document's versions sort together
 * @param note   the reviewer's reason when sent back, else null
 */
public record Revision(@BsonId String id, ContentKind kind, String docId, int version, Status status, String author,
                       String reviewer, String note, Instant at, String json) {

    public static String idOf(ContentKind kind, String docId, int version) {
        return kind.name() + ":" + docId + ":" + String.format("%06d", version);
    }

    public Revision with(Status newStatus, String newReviewer, String newNote, Instant when) {
        return new Revision(id, kind, docId, version, newStatus, author, newReviewer, newNote, when, json);
    }
}
