package org.sandian.ops.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sandian.content.model.Lang;

class ConfigReaderTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        HubConfig c = HubConfig.from(ConfigReader.load(null, Map.of()));
        assertEquals(8080, c.httpPort());
        assertEquals(ZoneId.of("Asia/Shanghai"), c.zone());
        assertEquals(Lang.ZH, c.lang());
        assertTrue(c.store().isEmbedded());
        assertEquals(4573, c.reader().port("agi.port"));
        assertNull(c.reader().optional("smpp.host"));
    }

    @Test
    void environmentOverridesTheFileWhichOverridesDefaults() throws IOException {
        Path file = Files.createTempFile("sandian", ".conf");
        Files.writeString(file, "http.port = 9000\nsmpp { host = \"smsc.example\", system-id = \"hub\" }\n");
        ConfigReader r = ConfigReader.load(file, Map.of("SANDIAN_HTTP_PORT", "0", "SANDIAN_SMPP_SYSTEM_ID", "county"));
        assertEquals(0, r.port("http.port"));
        assertEquals("smsc.example", r.string("smpp.host"));
        assertEquals("county", r.string("smpp.system-id"));
    }

    @Test
    void badPortNamesTheKeyAndItsVariable() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> HubConfig.from(ConfigReader.load(null, Map.of("SANDIAN_HTTP_PORT", "eighty"))));
        assertTrue(e.getMessage().contains("http.port"), e.getMessage());
        assertTrue(e.getMessage().contains("SANDIAN_HTTP_PORT"), e.getMessage());
        assertTrue(e.getMessage().contains("eighty"), e.getMessage());
    }

    @Test
    void badTimeZoneLanguageAndUriAreRefused() {
        assertThrows(ConfigException.class,
                () -> HubConfig.from(ConfigReader.load(null, Map.of("SANDIAN_TIMEZONE", "Mars/Olympus"))));
        ConfigException lang = assertThrows(ConfigException.class,
                () -> HubConfig.from(ConfigReader.load(null, Map.of("SANDIAN_LANG", "fr"))));
        assertTrue(lang.getMessage().contains("SANDIAN_LANG"));
        ConfigException uri = assertThrows(ConfigException.class,
                () -> HubConfig.from(ConfigReader.load(null, Map.of("SANDIAN_MONGO_URI", "localhost:27017"))));
        assertTrue(uri.getMessage().contains("mongo.uri"));
    }

    @Test
    void missingConfigFileIsNamed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigReader.load(Path.of("/nonexistent/sandian.conf"), Map.of()));
        assertTrue(e.getMessage().contains("/nonexistent/sandian.conf"));
    }

    @Test
    void envNamesFollowOneRule() {
        assertEquals("SANDIAN_SMPP_SYSTEM_ID", ConfigReader.envName("smpp.system-id"));
        assertEquals("SANDIAN_DATA_DIR", ConfigReader.envName("data-dir"));
        assertEquals("SANDIAN_MONGO_URI", ConfigReader.envName("mongo.uri"));
    }
}
