package org.sandian.ops.config;

import java.nio.file.Path;
import java.time.ZoneId;
import org.sandian.content.model.Lang;
import org.sandian.content.store.StoreOptions;

/**
 * The settings every part of the hub shares, checked at start. Channel sections (smpp, agi, ami)
 * are read from {@link #reader()} into each channel's own options by {@code ChannelSettings}.
 */
public record HubConfig(int httpPort, Path dataDir, ZoneId zone, Lang lang, StoreOptions store, ConfigReader reader) {

    public static HubConfig from(ConfigReader r) {
        Path dataDir = r.path("data-dir").toAbsolutePath().normalize();
        String langText = r.string("lang");
        Lang lang = Lang.parse(langText, null);
        if (lang == null) {
            throw new ConfigException("bad configuration: lang (env SANDIAN_LANG) must be zh or en, got '" + langText + "'");
        }
        String uri = r.optional("mongo.uri");
        if (uri != null && !uri.startsWith("mongodb://") && !uri.startsWith("mongodb+srv://")) {
            throw new ConfigException("bad configuration: mongo.uri (env SANDIAN_MONGO_URI) must start with mongodb:// "
                    + "or mongodb+srv://, got '" + uri + "'");
        }
        return new HubConfig(r.port("http.port"), dataDir, r.zone("timezone"), lang,
                new StoreOptions(uri, dataDir, r.string("mongo.database")), r);
    }
}
