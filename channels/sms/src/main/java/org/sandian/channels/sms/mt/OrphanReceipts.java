package org.sandian.channels.sms.mt;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.sandian.channels.sms.mo.Receipt;

/**
 * Receipts that no MT claims: their SMSC id was never stored because the hub that submitted them
 * died between the SMSC's acceptance and the storing of its answer. The hub that takes over that
 * hub's queue finds here which of the queued parts the SMSC already has, and does not send them
 * again. Few (at most a window per bind per dead hub): kept in {@value #COLLECTION}, read whole.
 */
final class OrphanReceipts {

    static final String COLLECTION = "sms_orphan_receipts";
    private static final int MAX_READ = 50_000;

    /** A receipt no MT claimed, and when it came. */
    record Orphan(Receipt receipt, Instant at) {
    }

    private final MongoCollection<Document> collection;

    OrphanReceipts(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    void add(Receipt r, Instant at) {
        try {
            collection.insertOne(new Document("_id", r.smscId()).append("stat", r.stat()).append("err", r.err())
                    .append("from", r.from()).append("text", r.text()).append("at", Date.from(at)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) throw e; // the SMSC said it twice
        }
    }

    /** Every orphan, oldest first. */
    List<Orphan> all() {
        List<Orphan> out = new ArrayList<>();
        for (Document d : collection.find().limit(MAX_READ)) {
            out.add(new Orphan(new Receipt(d.getString("_id"), d.getString("stat"), d.getString("err"),
                    d.getString("from"), d.getString("text")), d.getDate("at").toInstant()));
        }
        out.sort((a, b) -> a.at().compareTo(b.at()));
        return out;
    }

    void remove(String smscId) {
        collection.deleteOne(Filters.eq("_id", smscId));
    }

    /** Orphans nobody claimed for long (a receipt for a message of another system): dropped. */
    long purgeBefore(Instant cutoff) {
        return collection.deleteMany(Filters.lt("at", Date.from(cutoff))).getDeletedCount();
    }
}
