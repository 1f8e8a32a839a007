package org.sandian.channels.web.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.sandian.content.model.Lang;

/** The fixed words of a channel's pages in each language, from UTF-8 properties files. */
public final class Messages {

    private final Map<Lang, Map<String, String>> byLang = new EnumMap<>(Lang.class);

    /** Loads {@code <base>_zh.properties} and {@code <base>_en.properties} from the class path. */
    public Messages(String base) {
        for (Lang lang : Lang.values()) byLang.put(lang, load(base + "_" + lang.code() + ".properties"));
        Map<String, String> zh = byLang.get(Lang.ZH);
        Map<String, String> en = byLang.get(Lang.EN);
        if (!zh.keySet().equals(en.keySet())) {
            throw new IllegalStateException(base + ": zh and en message keys differ");
        }
    }

    private static Map<String, String> load(String resource) {
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing " + resource);
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> map = new HashMap<>();
            p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
            return Map.copyOf(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, String> in(Lang lang) {
        return byLang.get(lang);
    }

    public String get(Lang lang, String key) {
        String s = byLang.get(lang).get(key);
        return s == null ? key : s;
    }
}
