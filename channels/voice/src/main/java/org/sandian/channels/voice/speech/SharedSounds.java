package org.sandian.channels.voice.speech;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Date;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.Binary;
import org.sandian.content.store.MongoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recorded sounds every hub can play: officers' broadcast recordings and farmers' spoken questions
 * are written to one hub's sounds directory, but in a cluster the call or the officer's console
 * request may land on another hub. Each is also kept in collection {@value #COLLECTION} as
 * {@code {_id: name, wav: Binary, bytes, createdAt}}, and a hub that lacks the file copies it into its
 * own sounds directory before playing it. GridFS is not used: one document per sound, read by
 * {@code _id} alone (the embedded store's fast path), hence {@link #MAX_BYTES}.
 *
 * <p>Names are relative to the sounds directory, without extension, and only of the two kinds
 * shared ({@code broadcasts/<sha1>}, {@code questions/<yyyy-mm-dd>/q-<call id>}): a crafted name
 * cannot reach a file outside the directory nor any other sound. Blocking: call from a worker or
 * an AGI thread, never an event loop. Without a store (tests, shipped menu only) sounds stay local.
 */
public final class SharedSounds {

    private static final Logger log = LoggerFactory.getLogger(SharedSounds.class);
    public static final String COLLECTION = "sounds";
    /**
     * Largest sound kept: 4 MiB, about 4 min 20 s at 8 kHz mono 16-bit (16 KB/s), well under
     * MongoDB's 16 MB document limit and small enough for a backup batch to stay reasonable.
     */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final Pattern NAME = Pattern.compile(
            "broadcasts/[0-9a-f]{40}|questions/[0-9]{4}-[0-9]{2}-[0-9]{2}/q-[0-9A-Za-z._-]{1,100}");

    private final Path dir;
    private final MongoCollection<Document> sounds;

    /** {@code store} null: nothing is shared, every sound is only local. */
    public SharedSounds(Path soundsDir, MongoStore store) {
        this.dir = soundsDir.toAbsolutePath().normalize();
        this.sounds = store == null ? null : store.collection(COLLECTION, Document.class);
    }

    /** The sounds directory this hub (and its Asterisk) plays from. */
    public Path dir() {
        return dir;
    }

    /** Whether {@code name} is a name of a shared sound (not a prompt, not a path out of the directory). */
    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * The name of a spoken question's recording, from the path the hub that took the call stored with
     * the question ({@code <its sounds dir>/questions/<day>/q-<id>.wav}); null when it is not one.
     */
    public static String questionName(String recording) {
        if (recording == null) return null;
        String r = recording.endsWith(".wav") ? recording.substring(0, recording.length() - 4) : recording;
        String[] parts = r.split("/");
        if (parts.length < 3) return null;
        String name = String.join("/", parts[parts.length - 3], parts[parts.length - 2], parts[parts.length - 1]);
        return isName(name) && name.startsWith("questions/") ? name : null;
    }

    /** Copies the local file of {@code name} to the store, for the other hubs. Throws when it cannot. */
    public void share(String name) {
        Path file = fileOf(name);
        if (sounds == null) return;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new IllegalArgumentException(name + " is " + size + " bytes, over the " + MAX_BYTES + " shared");
            }
            byte[] wav = Files.readAllBytes(file);
            sounds.replaceOne(eq("_id", name), new Document("_id", name).append("wav", new Binary(wav))
                    .append("bytes", wav.length).append("createdAt", new Date()), new ReplaceOptions().upsert(true));
        } catch (IOException e) {
            throw new IllegalStateException("cannot share " + name + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code name} can be played here: its file is here or in the store. */
    public boolean has(String name) {
        if (!isName(name)) return false;
        if (Files.isRegularFile(fileOf(name))) return true;
        return sounds != null && sounds.find(eq("_id", name)).projection(Projections.include("_id")).first() != null;
    }

    /**
     * Whether the file of {@code name} is in this hub's sounds directory, fetching it from the store
     * first when another hub recorded it. Written to a temporary file then moved into place, so
     * Asterisk or the browser never reads half a sound.
     */
    public boolean ensureLocal(String name) {
        if (!isName(name)) return false;
        Path file = fileOf(name);
        if (Files.isRegularFile(file)) return true;
        if (sounds == null) return false;
        Document d = sounds.find(eq("_id", name)).first();
        if (d == null || !(d.get("wav") instanceof Binary wav)) return false;
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "fetch", ".tmp");
            try {
                Files.write(tmp, wav.getData());
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            log.info("shared sound fetched from the store: {} ({} bytes)", name, wav.length());
            return true;
        } catch (IOException e) {
            log.warn("shared sound {} not written under {}: {}", name, dir, e.toString());
            return false;
        }
    }

    private Path fileOf(String name) {
        if (!isName(name)) throw new IllegalArgumentException("not a shared sound's name: " + name);
        Path file = dir.resolve(name + ".wav").normalize();
        if (!file.startsWith(dir)) throw new IllegalArgumentException("not a shared sound's name: " + name);
        return file;
    }
}
