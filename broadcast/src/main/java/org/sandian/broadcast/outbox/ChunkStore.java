package org.sandian.broadcast.outbox;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.sandian.content.answer.Channel;
import org.sandian.content.model.Lang;
import org.sandian.content.store.MongoStore;

/**
 * The durable outbox: chunk documents ("outbox_chunks") holding the entries, and one small claim
 * document per chunk ("outbox_claims") holding its lease. Every read and write is by {@code _id}
 * (the embedded store scans a collection for any other filter). Blocking.
 *
 * <p>Leases: a claim is {@code {_id: chunk, gen, owner, until, done}}. The first worker inserts it
 * (a duplicate key means another worker was first). A lease whose {@code until} has passed (its
 * worker died) is taken over by bumping {@code gen}, conditional on the generation read; the owner
 * names its generation in the filter of every renew and finish, so a worker that lost its lease
 * stops and changes nothing. One claim also guards each occurrence's fan-out ({@link #fanOutId}).
 */
public final class ChunkStore {

    /** Entries per chunk. */
    public static final int SIZE = 1_000;
    /** Region indexes are stored as characters from here on (printable, one UTF-8 byte for the first 80). */
    private static final char REGION_BASE = '0';
    /** Claim ids per delete command when purging. */
    private static final int PURGE_BATCH = 1_000;

    private final MongoCollection<Document> chunks;
    private final MongoCollection<Document> claims;

    public ChunkStore(MongoStore store) {
        this.chunks = store.collection("outbox_chunks", Document.class);
        this.claims = store.collection("outbox_claims", Document.class);
        // Unique anyway (it holds _id): it lets the embedded store use an index for {_id, gen} filters.
        claims.createIndex(Indexes.ascending("_id", "gen"), new IndexOptions().unique(true));
    }

    /** The claim id guarding an occurrence's fan-out (so one node in a cluster writes its outbox). */
    public static String fanOutId(String occurrenceId) {
        return "fanout:" + occurrenceId;
    }

    /** A lease held on a chunk. */
    public record Claim(String chunkId, int gen, String owner) {
    }

    /** Writes (or rewrites, after an interrupted fan-out) chunk documents in one command. */
    public void write(List<Chunk> batch) {
        if (batch.isEmpty()) return;
        List<WriteModel<Document>> writes = new ArrayList<>(batch.size());
        for (Chunk c : batch) {
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", c.id()), toDoc(c), new ReplaceOptions().upsert(true)));
        }
        chunks.bulkWrite(writes);
    }

    public Chunk load(String chunkId) {
        Document d = chunks.find(Filters.eq("_id", chunkId)).first();
        return d == null ? null : fromDoc(d);
    }

    /** Applies entry states (never lowering one), reasons and the progress mark in one update. */
    public void apply(String chunkId, Map<Integer, Integer> states, Map<Integer, String> errors, int next) {
        List<Bson> updates = new ArrayList<>(states.size() + errors.size() + 1);
        for (Map.Entry<Integer, Integer> e : states.entrySet()) updates.add(Updates.max("st." + e.getKey(), e.getValue()));
        for (Map.Entry<Integer, String> e : errors.entrySet()) updates.add(Updates.set("err." + e.getKey(), e.getValue()));
        if (next > 0) updates.add(Updates.max("next", next));
        if (!updates.isEmpty()) chunks.updateOne(Filters.eq("_id", chunkId), Updates.combine(updates));
    }

    /** Takes the chunk's lease until {@code untilMillis}; null when done or held by a live worker. */
    public Claim claim(String chunkId, String owner, long nowMillis, long untilMillis) {
        Document c = claims.find(Filters.eq("_id", chunkId)).first();
        if (c == null) {
            try {
                claims.insertOne(new Document("_id", chunkId).append("gen", 1).append("owner", owner)
                        .append("until", untilMillis).append("done", false));
                return new Claim(chunkId, 1, owner);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) return null;
                throw e;
            }
        }
        if (c.getBoolean("done", false) || c.getLong("until") > nowMillis) return null;
        int gen = c.getInteger("gen");
        // Rare (a worker died): the generation in the filter makes the take-over atomic.
        long n = claims.updateOne(Filters.and(Filters.eq("_id", chunkId), Filters.eq("gen", gen)),
                Updates.combine(Updates.set("gen", gen + 1), Updates.set("owner", owner), Updates.set("until", untilMillis)))
                .getModifiedCount();
        return n == 1 ? new Claim(chunkId, gen + 1, owner) : null;
    }

    /**
     * Extends the lease; false when another worker has taken the chunk over. The generation is in
     * the filter (fencing): a stale owner can never extend or end a lease it no longer holds.
     */
    public boolean renew(Claim claim, long untilMillis) {
        return claims.updateOne(held(claim), Updates.set("until", untilMillis)).getMatchedCount() == 1;
    }

    /** Gives the chunk back (pause, quiet hours): another worker may take it at once. */
    public void release(Claim claim) {
        renew(claim, 0);
    }

    /** Marks the chunk finished; true only for the call that finished it, and only while it holds the lease. */
    public boolean finish(Claim claim) {
        Document before = claims.findOneAndUpdate(held(claim), Updates.set("done", true));
        return before != null && !before.getBoolean("done", false);
    }

    /** Exactly the fields of the compound unique index: the embedded store then looks it up instead of scanning. */
    private static Bson held(Claim claim) {
        return Filters.and(Filters.eq("_id", claim.chunkId()), Filters.eq("gen", claim.gen()));
    }

    /**
     * Deletes an occurrence's claims: its chunks' first, its fan-out's last, so a fan-out claim still
     * there means "not purged yet" (one keyed lookup per finished occurrence after a restart).
     * Returns the documents deleted.
     */
    public long deleteClaims(String occurrenceId, Map<Channel, Integer> chunkCounts) {
        String fanOut = fanOutId(occurrenceId);
        if (claims.find(Filters.eq("_id", fanOut)).projection(new Document("_id", 1)).first() == null) return 0;
        long n = 0;
        List<String> ids = new ArrayList<>(PURGE_BATCH);
        for (Map.Entry<Channel, Integer> e : chunkCounts.entrySet()) {
            for (int k = 0; k < e.getValue(); k++) {
                ids.add(EntryKey.chunkId(occurrenceId, e.getKey(), k));
                if (ids.size() == PURGE_BATCH) {
                    n += claims.deleteMany(Filters.in("_id", ids)).getDeletedCount();
                    ids.clear();
                }
            }
        }
        if (!ids.isEmpty()) n += claims.deleteMany(Filters.in("_id", ids)).getDeletedCount();
        return n + claims.deleteOne(Filters.eq("_id", fanOut)).getDeletedCount();
    }

    public boolean isDone(String chunkId) {
        Document c = claims.find(Filters.eq("_id", chunkId)).first();
        return c != null && c.getBoolean("done", false);
    }

    /*
     * Stored compactly, since a chunk's size is what its write costs: phones as one comma-separated
     * string, languages as one letter each, regions as a dictionary plus one character per entry
     * (its index in the dictionary). Only the states stay an array: they are updated in place.
     */
    private static Document toDoc(Chunk c) {
        List<Integer> states = new ArrayList<>(c.size());
        for (int s : c.states()) states.add(s);
        StringBuilder langs = new StringBuilder(c.size());
        for (Lang l : c.langs()) langs.append(l == null ? '-' : l == Lang.EN ? 'e' : 'z');
        List<String> dictionary = new ArrayList<>();
        Map<String, Integer> indexOf = new HashMap<>();
        StringBuilder regions = new StringBuilder(c.size());
        for (String r : c.regions()) {
            String key = r == null ? "" : r;
            Integer i = indexOf.get(key);
            if (i == null) {
                i = dictionary.size();
                indexOf.put(key, i);
                dictionary.add(key);
            }
            regions.append((char) (REGION_BASE + i));
        }
        return new Document("_id", c.id()).append("occ", c.occurrenceId()).append("ch", c.channel().name())
                .append("n", c.number()).append("phones", String.join(",", c.phones())).append("langs", langs.toString())
                .append("rdict", dictionary).append("regions", regions.toString())
                .append("st", states).append("err", new Document()).append("next", c.next());
    }

    private static Chunk fromDoc(Document d) {
        List<Integer> st = d.getList("st", Integer.class);
        int[] states = new int[st.size()];
        for (int i = 0; i < states.length; i++) states[i] = st.get(i);
        String langText = d.getString("langs");
        List<Lang> langs = new ArrayList<>(langText.length());
        for (int i = 0; i < langText.length(); i++) {
            char l = langText.charAt(i);
            langs.add(l == 'z' ? Lang.ZH : l == 'e' ? Lang.EN : null);
        }
        List<String> dictionary = d.getList("rdict", String.class);
        String regionText = d.getString("regions");
        List<String> regions = new ArrayList<>(regionText.length());
        for (int i = 0; i < regionText.length(); i++) {
            String r = dictionary.get(regionText.charAt(i) - REGION_BASE);
            regions.add(r.isEmpty() ? null : r);
        }
        return new Chunk(d.getString("_id"), d.getString("occ"), Channel.valueOf(d.getString("ch")), d.getInteger("n"),
                Arrays.asList(d.getString("phones").split(",")), langs, regions, states, d.getInteger("next", 0));
    }

    /** Reasons stored for failed entries of a chunk, by index. */
    public Map<String, Object> errors(String chunkId) {
        Document d = chunks.find(Filters.eq("_id", chunkId)).projection(new Document("err", 1)).first();
        Document err = d == null ? null : d.get("err", Document.class);
        return err == null ? Map.of() : err;
    }
}
