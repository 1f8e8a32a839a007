package org.sandian.content.store;

import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Run in a child JVM by {@link SigkillDurabilityTest}: opens the embedded store on a folder and
 * inserts numbered documents in batches forever, printing {@code ACK n} to standard output after
 * each batch the store acknowledged (n = documents acknowledged so far), until it is killed.
 * Arguments: data dir, batch size.
 */
public final class DurabilityChild {

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int batch = Integer.parseInt(args[1]);
        // Quiet: stdout carries the ACK protocol, and debug logging would slow the writes.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        MongoStore store = MongoStore.open(StoreOptions.embedded(dir));
        MongoCollection<Document> docs = store.collection("durability", Document.class);
        System.out.println("READY");
        System.out.flush();
        for (long n = 0; ; ) {
            List<Document> page = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++, n++) {
                page.add(new Document("_id", n).append("text", "玉米 maize 1.25 yuan/jin, doc " + n));
            }
            docs.insertMany(page);
            System.out.println("ACK " + n);
            System.out.flush();
        }
    }
}
