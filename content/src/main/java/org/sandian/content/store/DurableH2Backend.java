package org.sandian.content.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of mongo-java-server with one change: every command that changed data (insert,
 * update, delete, findAndModify, bulk writes, createIndexes, drop...) is committed to the file
 * before its reply goes back. The stock backend commits about once a second, so a kill -9 lost
 * up to a second of acknowledged writes. One commit per command makes batches the fast path:
 * an insertMany of 500 documents costs one commit (see {@link BatchWriter}).
 *
 * <p>The commit writes the chunk to the file (the OS page cache): it survives the process being
 * killed, not a power cut of the machine; production deployments with that need run a real
 * MongoDB with journaling.
 */
final class DurableH2Backend extends H2Backend {

    DurableH2Backend(MVStore store) {
        super(store);
    }

    /** Every wire command (OP_MSG) passes here; read-only commands leave nothing to commit. */
    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            // Also after a failed command: part of a batch may have been applied.
            commitIfChanged();
        }
    }

    private void commitIfChanged() {
        MVStore store = getMvStore();
        if (!store.isClosed() && store.hasUnsavedChanges()) store.commit();
    }
}
