package org.sandian.ops.auth;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Optional;
import org.bson.Document;
import org.sandian.broadcast.subscriber.PhoneNumbers;
import org.sandian.content.store.MongoStore;

/**
 * The phone numbers price reporters text from ({@code sandian user add ... --phone}), keyed by the
 * number in E.164 so that an MO's sender is one keyed lookup.
 */
public final class ReporterPhones {

    public static final String COLLECTION = "reporter_phones";

    private final MongoCollection<Document> phones;

    public ReporterPhones(MongoStore store) {
        this.phones = store.collection(COLLECTION, Document.class);
    }

    /** Links {@code phone} to user {@code name}; throws IllegalArgumentException for a number that is not one. */
    public void link(String phone, String name) {
        String e164 = PhoneNumbers.normalize(phone);
        phones.replaceOne(Filters.eq("_id", e164), new Document("_id", e164).append("user", name),
                new ReplaceOptions().upsert(true));
    }

    /** The user whose number this is, if any. */
    public Optional<String> userOf(String phone) {
        String e164;
        try {
            e164 = PhoneNumbers.normalize(phone);
        } catch (RuntimeException notANumber) {
            return Optional.empty();
        }
        Document d = phones.find(Filters.eq("_id", e164)).first();
        return d == null ? Optional.empty() : Optional.ofNullable(d.getString("user"));
    }
}
