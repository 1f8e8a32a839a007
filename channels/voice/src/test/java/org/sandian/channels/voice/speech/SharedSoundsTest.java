package org.sandian.channels.voice.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

/** Two hubs' sounds directories over one embedded store: what one records, the other plays. */
class SharedSoundsTest {

    private static MongoStore store;

    @BeforeAll
    static void open() {
        store = TestStore.open();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void aSoundSharedByOneHubIsFetchedIntoTheOthersSoundsDirectory() throws Exception {
        Path base = Files.createTempDirectory("shared-sounds");
        SharedSounds a = new SharedSounds(base.resolve("a"), store);
        SharedSounds b = new SharedSounds(base.resolve("b"), store);
        String name = "questions/2026-12-03/q-1764741600.31";
        byte[] wav = new byte[300_000];
        for (int i = 0; i < wav.length; i++) wav[i] = (byte) (i * 31);
        Files.createDirectories(a.dir().resolve(name).getParent());
        Files.write(a.dir().resolve(name + ".wav"), wav);

        assertFalse(b.has(name), "nothing shared yet");
        assertFalse(b.ensureLocal(name));
        a.share(name);
        assertTrue(b.has(name), "in the store");
        assertFalse(Files.exists(b.dir().resolve(name + ".wav")), "has() fetches nothing");
        assertTrue(b.ensureLocal(name));
        assertArrayEquals(wav, Files.readAllBytes(b.dir().resolve(name + ".wav")));
        try (Stream<Path> left = Files.list(b.dir().resolve(name).getParent())) {
            assertEquals(1, left.count(), "no temporary file left beside it");
        }
        Document d = store.collection(SharedSounds.COLLECTION, Document.class).find(new Document("_id", name)).first();
        assertEquals(wav.length, d.getInteger("bytes"));
        assertTrue(d.get("createdAt") instanceof Date);
    }

    @Test
    void soundsOverTheLimitAreNotShared() throws Exception {
        SharedSounds a = new SharedSounds(Files.createTempDirectory("shared-big"), store);
        String name = "broadcasts/" + "ab".repeat(20);
        Files.createDirectories(a.dir().resolve("broadcasts"));
        Files.write(a.dir().resolve(name + ".wav"), new byte[SharedSounds.MAX_BYTES + 1]);
        assertThrows(IllegalArgumentException.class, () -> a.share(name));
        assertNull(store.collection(SharedSounds.COLLECTION, Document.class).find(new Document("_id", name)).first());
    }

    @Test
    void aCraftedNameNeverReachesAFileOutsideTheSoundsDirectory() throws Exception {
        Path base = Files.createTempDirectory("shared-crafted");
        SharedSounds b = new SharedSounds(base.resolve("sounds"), store);
        String[] crafted = {"../../etc/passwd", "/etc/passwd", "broadcasts/../../etc/passwd",
                "questions/2026-12-03/../../../escape", "questions/2026-12-03/q-1/../../../../escape", "tts/abc",
                "broadcasts/" + "ab".repeat(20) + "/../../../escape", "", null};
        for (String name : crafted) {
            // Even a document planted in the store under that name is never written out.
            if (name != null) {
                store.collection(SharedSounds.COLLECTION, Document.class).replaceOne(new Document("_id", name),
                        new Document("_id", name).append("wav", new Binary(new byte[] {1, 2, 3})),
                        new com.mongodb.client.model.ReplaceOptions().upsert(true));
            }
            assertFalse(SharedSounds.isName(name), name);
            assertFalse(b.has(name), name);
            assertFalse(b.ensureLocal(name), name);
            assertThrows(IllegalArgumentException.class, () -> b.share(name), name);
        }
        assertFalse(Files.exists(base.resolve("escape.wav")));
        assertFalse(Files.exists(base.resolve("sounds")), "nothing written at all");
    }

    @Test
    void aQuestionIsNamedTheSameFromAnyHubsPathToIt() {
        assertEquals("questions/2026-12-03/q-1764741600.31",
                SharedSounds.questionName("/srv/hub-a/sounds/questions/2026-12-03/q-1764741600.31.wav"));
        assertEquals("questions/2026-12-03/q-1764741600.31",
                SharedSounds.questionName("/var/lib/sandian/sounds/questions/2026-12-03/q-1764741600.31"));
        assertNull(SharedSounds.questionName("/srv/hub-a/sounds/broadcasts/" + "ab".repeat(20) + ".wav"));
        assertNull(SharedSounds.questionName("/etc/passwd"));
        assertNull(SharedSounds.questionName("questions/2026-12-03/../../etc/passwd"));
        assertNull(SharedSounds.questionName(null));
    }
}
