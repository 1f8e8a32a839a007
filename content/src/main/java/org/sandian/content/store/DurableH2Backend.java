package org.sandian.content.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of mongo-java-server with two changes that make it safe to share between many
 * connections and to kill:
 * <ul>
 *   <li><b>Durable acknowledgements.</b> Every command that changed data (insert, update, delete,
 *       findAndModify, bulk writes, createIndexes, drop...) is committed to the file before its
 *       reply goes back. The stock backend commits about once a second, so a kill -9 lost up to a
 *       second of acknowledged writes. Commands that wait together share one commit
 *       ({@link GroupCommit}), and batches are the fast path: an insertMany of 500 documents
 *       costs at most one commit (see {@link BatchWriter}). The hub uses no aggregation that
 *       writes ($out, $merge): those would not be committed before their reply.</li>
 *   <li><b>Replies that are not changed under our feet.</b> The stock backend updates stored
 *       documents in place and its replies refer to them, so a reply could be encoded after another
 *       connection's update: 4 threads doing findOneAndUpdate {@code $inc} got 1,069 distinct values
 *       back for 2,000 increments. Here write commands run one at a time, other commands share a
 *       read lock, and each reply is copied before the lock is released.</li>
 * </ul>
 *
 * <p>The commit writes the chunk to the file (the OS page cache): it survives the process being
 * killed. The file reaches the disk every second ({@link StoreSync}): a power cut of the machine
 * loses about the last second of acknowledged writes; deployments that cannot lose those run a
 * real MongoDB (with journaling, acknowledged writes are on disk).
 */
final class DurableH2Backend extends H2Backend {

    /** Commands that change data or metadata, lower case. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final GroupCommit commits;

    DurableH2Backend(MVStore store) {
        super(store);
        this.commits = new GroupCommit(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new CompactDatabase(databaseName);
    }

    /**
     * The stock database with our map types. An inner class on purpose: the stock constructor
     * opens the existing collections and indexes through these overrides, before a subclass's own
     * fields are set, and only the enclosing backend (set first) can give them the store.
     */
    private final class CompactDatabase extends H2Database {

        CompactDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            // the stock map name, so dropIndex and drop find it
            String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            MVMap<SerializedKey, Object> map = getMvStore().openMap(mapName,
                    new MVMap.Builder<SerializedKey, Object>().keyType(SerializedKeyType.INSTANCE));
            return new SerializedKeyIndex(map, indexName, keys, sparse);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = getMvStore().openMap("databases." + fullName,
                    new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
            MVMap<String, Object> meta = getMvStore().openMap("meta." + fullName);
            return new H2Collection(this, collectionName, options, data, meta, cursorRegistry);
        }
    }

    /** Every wire command (OP_MSG) passes here. */
    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        boolean write = WRITES.contains(command.toLowerCase(Locale.ROOT));
        try {
            Lock l = write ? lock.writeLock() : lock.readLock();
            l.lock();
            try {
                Document reply = super.handleCommand(channel, databaseName, command, query);
                return reply == null ? null : reply.cloneDeeply();
            } finally {
                l.unlock();
            }
        } finally {
            // Also after a failed command: part of a batch may have been applied. Outside the lock,
            // so that one commit carries other connections' writes too.
            if (write) commits.awaitDurable();
        }
    }
}
