package org.sandian.content.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.sandian.content.testing.TestStore;

/**
 * A write the embedded store acknowledged survives kill -9: a child JVM inserts batches and prints
 * each acknowledged count; we SIGKILL it mid-run (ProcessHandle.destroyForcibly is SIGKILL on Linux),
 * reopen the file here and look for every acknowledged document. The stock H2 backend, which
 * commits once a second, lost thousands of documents in this test.
 */
class SigkillDurabilityTest {

    @Test
    void everyAcknowledgedDocumentIsThereAfterSigkill() throws Exception {
        Path dir = TestStore.tempDir();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-Dfile.encoding=UTF-8", "-cp",
                System.getProperty("java.class.path"), DurabilityChild.class.getName(), dir.toString(), "100"))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long acknowledged = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            // Kill at a count reached well inside the stock backend's one-second commit period.
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) acknowledged = Long.parseLong(line.substring(4));
                if (acknowledged >= 3_000) {
                    // Through the handle: Process.destroyForcibly would also close our end of stdout.
                    child.toHandle().destroyForcibly();
                    break;
                }
            }
            // Any ACK printed before the kill counts too.
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) acknowledged = Long.parseLong(line.substring(4));
            }
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
        }
        assertEquals(137, child.exitValue(), "the child must have died by SIGKILL");
        assertTrue(acknowledged >= 3_000, "child acknowledged only " + acknowledged);

        try (MongoStore reopened = MongoStore.open(StoreOptions.embedded(dir))) {
            MongoCollection<Document> docs = reopened.collection("durability", Document.class);
            long found = docs.countDocuments(new Document("_id", new Document("$lt", acknowledged)));
            assertEquals(acknowledged, found, "acknowledged documents lost: " + (acknowledged - found));
        }
    }
}
