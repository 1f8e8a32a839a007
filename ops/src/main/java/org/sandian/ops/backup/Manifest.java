package org.sandian.ops.backup;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonWriterSettings;

/**
 * {@code manifest.json}: what a backup holds. Written last, so a backup without it did not finish.
 *
 * @param created     when the backup started, UTC
 * @param source      which store it was read from
 * @param consistency {@link #SNAPSHOT} or {@link #PER_COLLECTION}
 */
public record Manifest(int formatVersion, Instant created, String source, String database, String consistency,
                       List<Entry> collections) {

    public static final String FILE = "manifest.json";
    public static final String FORMAT = "sandian-backup";
    public static final int VERSION = 1;
    /** Every collection read at one cluster time (a MongoDB replica set, 5.0 or later). */
    public static final String SNAPSHOT = "snapshot";
    /** Each collection read once in _id order while the hub kept writing. */
    public static final String PER_COLLECTION = "per-collection";

    /**
     * One collection: its file of Extended JSON lines, the number of lines, the file's SHA-256,
     * and its index definitions (without the implicit _id index) so a restore recreates them.
     */
    public record Entry(String name, String file, long count, String sha256, List<Document> indexes) {
    }

    public long totalDocuments() {
        return collections.stream().mapToLong(Entry::count).sum();
    }

    public String toJson() {
        List<Document> entries = new ArrayList<>();
        for (Entry e : collections) {
            entries.add(new Document("name", e.name()).append("file", e.file()).append("count", e.count())
                    .append("sha256", e.sha256()).append("indexes", e.indexes()));
        }
        Document d = new Document("format", FORMAT).append("formatVersion", formatVersion)
                .append("created", created.toString()).append("source", source).append("database", database)
                .append("consistency", consistency).append("collections", entries);
        return d.toJson(JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).indent(true).build()) + "\n";
    }

    /** Reads a manifest, or says exactly what is wrong with it. */
    public static Manifest parse(String json) throws BackupException {
        Document d;
        try {
            d = Document.parse(json);
        } catch (JsonParseException | IllegalArgumentException e) {
            throw damaged("it is not valid JSON (" + e.getMessage() + ")");
        }
        if (!FORMAT.equals(d.get("format"))) throw damaged("format is not \"" + FORMAT + "\"");
        Object version = d.get("formatVersion");
        if (!(version instanceof Number n) || n.intValue() != VERSION) {
            throw damaged("formatVersion is " + version + "; this sandian reads version " + VERSION);
        }
        Instant created;
        try {
            created = Instant.parse(text(d, "created"));
        } catch (DateTimeParseException e) {
            throw damaged("created is not a UTC time");
        }
        Object list = d.get("collections");
        if (!(list instanceof List<?> items)) throw damaged("it has no collections list");
        List<Entry> entries = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Document c)) throw damaged("a collection entry is not an object");
            Object count = c.get("count");
            if (!(count instanceof Number cn) || cn.longValue() < 0) {
                throw damaged("collection " + c.get("name") + " has no valid count");
            }
            Object indexes = c.get("indexes");
            List<Document> specs = new ArrayList<>();
            if (indexes instanceof List<?> is) {
                for (Object i : is) {
                    if (i instanceof Document spec) specs.add(spec);
                }
            }
            String file = text(c, "file");
            if (file.contains("/") || file.contains("\\") || file.startsWith(".")) {
                throw damaged("collection " + c.get("name") + " names a file outside the backup: " + file);
            }
            entries.add(new Entry(text(c, "name"), file, cn.longValue(), text(c, "sha256"), specs));
        }
        return new Manifest(VERSION, created, text(d, "source"), text(d, "database"), text(d, "consistency"), entries);
    }

    private static String text(Document d, String key) throws BackupException {
        Object v = d.get(key);
        if (!(v instanceof String s) || s.isBlank()) throw damaged("\"" + key + "\" is missing");
        return s;
    }

    private static BackupException damaged(String what) {
        return new BackupException(FILE + " is damaged: " + what + ". Nothing was restored.");
    }
}
