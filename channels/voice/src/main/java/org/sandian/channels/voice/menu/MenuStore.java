package org.sandian.channels.voice.menu;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.descending;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.sandian.content.bus.Json;
import org.sandian.content.store.MongoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Menus in collection {@code voice_menus}, one document per version ({@code _id} = name:version),
 * the newest in force. The first start stores the default shipped with the channel. Blocking.
 */
public final class MenuStore {

    public static final String COLLECTION = "voice_menus";
    public static final String DEFAULT_RESOURCE = "/org/sandian/channels/voice/hotline-menu.json";
    private static final Logger log = LoggerFactory.getLogger(MenuStore.class);

    private final MongoStore store;

    /** {@code store} may be null: then only the shipped default is used. */
    public MenuStore(MongoStore store) {
        this.store = store;
    }

    /** The newest valid version of {@code name}; a {@link MenuException} names what is wrong with it. */
    public VoiceMenu load(String name) {
        if (store == null) return MenuValidator.check(shippedDefault());
        Document newest = newest(name);
        if (newest == null) {
            VoiceMenu menu = MenuValidator.check(shippedDefault());
            collection().insertOne(document(menu, defaultJson()));
            log.info("voice menu {}: stored the shipped default as version {}", name, menu.version());
            return menu;
        }
        VoiceMenu menu = MenuValidator.check(parse(newest.get("menu", Document.class).toJson()));
        log.info("voice menu {} version {} loaded", name, menu.version());
        return menu;
    }

    /** Validates {@code json} and stores it as the next version of its menu; returns what was stored. */
    public VoiceMenu save(String json) {
        return save(json, null, null);
    }

    /**
     * Validates {@code json} and stores it as the next version of its menu, noting who saved it and
     * when; returns what was stored. Two officers saving at once cannot both get one number: the
     * version is part of {@code _id}, so the second insert fails.
     */
    public VoiceMenu save(String json, String savedBy, Instant savedAt) {
        VoiceMenu parsed = MenuValidator.check(parse(json));
        Document newest = newest(parsed.name());
        int version = newest == null ? 1 : newest.getInteger("version") + 1;
        VoiceMenu menu = new VoiceMenu(parsed.name(), version, parsed.start(), parsed.prompts(), parsed.nodes());
        Document doc = document(menu, json);
        if (savedBy != null) doc.append("savedBy", savedBy);
        if (savedAt != null) doc.append("savedAt", java.util.Date.from(savedAt));
        collection().insertOne(doc);
        return menu;
    }

    /** One stored version of a menu: its number, who saved it and when (null for the shipped default). */
    public record Version(int version, String savedBy, Instant savedAt) {
    }

    /** The stored versions of {@code name}, newest first, at most {@code limit}. */
    public List<Version> versions(String name, int limit) {
        List<Version> out = new ArrayList<>();
        for (Document d : collection().find(eq("name", name)).sort(descending("version")).limit(limit).batchSize(limit)) {
            java.util.Date at = d.getDate("savedAt");
            out.add(new Version(d.getInteger("version"), d.getString("savedBy"), at == null ? null : at.toInstant()));
        }
        return out;
    }

    /** Version {@code version} of {@code name} as indented JSON (the newest when null), or null if there is none. */
    public String json(String name, Integer version) {
        Document d = version == null ? newest(name) : collection().find(eq("_id", name + ":" + version)).first();
        if (d == null) return null;
        try {
            Object tree = Json.MAPPER.readValue(d.get("menu", Document.class).toJson(), Object.class);
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored menu " + d.get("_id") + " is not JSON", e);
        }
    }

    private Document newest(String name) {
        return collection().find(eq("name", name)).sort(descending("version")).limit(1).first();
    }

    public static VoiceMenu parse(String json) {
        try {
            return Json.MAPPER.readValue(json, VoiceMenu.class);
        } catch (JsonProcessingException e) {
            throw new MenuException("(unparsed)", java.util.List.of("not valid menu JSON: " + e.getOriginalMessage()));
        }
    }

    public static VoiceMenu shippedDefault() {
        return parse(defaultJson());
    }

    static String defaultJson() {
        try (InputStream in = MenuStore.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(VoiceMenu menu, String json) {
        Document body = Document.parse(json).append("version", menu.version());
        return new Document("_id", menu.name() + ":" + menu.version())
                .append("name", menu.name()).append("version", menu.version()).append("menu", body);
    }

    private MongoCollection<Document> collection() {
        return store.database().getCollection(COLLECTION);
    }
}
