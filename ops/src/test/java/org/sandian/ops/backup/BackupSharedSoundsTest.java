package org.sandian.ops.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.sandian.channels.voice.speech.SharedSounds;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

/**
 * Recordings kept for every hub are in the backup like any collection, although together they are
 * more than one reply of the store may carry (48 MB): backup and restore read and write them a few at a time.
 */
class BackupSharedSoundsTest {

    private static final int SOUNDS = 12;

    @Test
    void sharedSoundsOfTheLargestSizeGoThroughBackupAndRestore() throws Exception {
        Path backup = TestStore.tempDir().resolve("backup");
        List<Document> sounds = new ArrayList<>();
        for (int i = 0; i < SOUNDS; i++) {
            byte[] wav = new byte[SharedSounds.MAX_BYTES];
            wav[i] = (byte) (i + 1);
            sounds.add(new Document("_id", "broadcasts/" + String.format("%040x", i)).append("wav", new Binary(wav))
                    .append("bytes", wav.length));
        }
        try (MongoStore source = TestStore.open()) {
            for (Document d : sounds) source.collection(SharedSounds.COLLECTION, Document.class).insertOne(d);
            Manifest m = Backup.write(source.database(), null, backup, "test store", Clock.systemUTC());
            assertEquals(List.of(SharedSounds.COLLECTION), m.collections().stream().map(Manifest.Entry::name).toList());
            assertEquals(SOUNDS, m.totalDocuments());
        }
        try (MongoStore target = TestStore.open()) {
            assertEquals(SOUNDS, Restore.write(target.database(), backup, Restore.verify(backup)));
            for (Document d : sounds) {
                Document back = target.collection(SharedSounds.COLLECTION, Document.class)
                        .find(new Document("_id", d.getString("_id"))).first();
                assertArrayEquals(d.get("wav", Binary.class).getData(), back.get("wav", Binary.class).getData());
            }
        }
    }
}
