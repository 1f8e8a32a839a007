package org.sandian.ops.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException.Missing;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValueFactory;
import java.io.File;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the configuration once: built-in defaults ({@code sandian.conf} in the jar), then the
 * operator's file, then environment variables ({@code SANDIAN_} + key, '.' and '-' as '_').
 * Typed getters fail with a message naming the key, its variable and what was expected.
 */
public final class ConfigReader {

    private final Config config;

    private ConfigReader(Config config) {
        this.config = config;
    }

    /** {@code file} may be null (defaults and environment only). */
    public static ConfigReader load(Path file, Map<String, String> env) {
        Config defaults = ConfigFactory.parseResources(ConfigReader.class.getClassLoader(), "sandian.conf",
                ConfigParseOptions.defaults().setAllowMissing(false));
        Config merged = defaults;
        if (file != null) {
            File f = file.toFile();
            if (!f.isFile()) throw new ConfigException("config file not found: " + file);
            try {
                merged = ConfigFactory.parseFile(f).withFallback(defaults);
            } catch (com.typesafe.config.ConfigException e) {
                throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage());
            }
        }
        for (String key : defaults.entrySet().stream().map(Map.Entry::getKey).toList()) {
            String value = env.get(envName(key));
            if (value != null) merged = merged.withValue(key, ConfigValueFactory.fromAnyRef(value, "env " + envName(key)));
        }
        return new ConfigReader(merged.resolve());
    }

    /** The environment variable that overrides {@code key}. */
    public static String envName(String key) {
        return "SANDIAN_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String string(String key) {
        try {
            return config.getString(key).trim();
        } catch (Missing e) {
            throw bad(key, "a value", "nothing");
        } catch (com.typesafe.config.ConfigException e) {
            throw bad(key, "a text", describe(key));
        }
    }

    /** The text, or null when it is empty. */
    public String optional(String key) {
        String s = string(key);
        return s.isEmpty() ? null : s;
    }

    public int integer(String key, int min, int max) {
        String raw = string(key);
        try {
            int v = Integer.parseInt(raw);
            if (v < min || v > max) throw bad(key, "a whole number from " + min + " to " + max, raw);
            return v;
        } catch (NumberFormatException e) {
            throw bad(key, "a whole number from " + min + " to " + max, raw);
        }
    }

    public double decimal(String key, double min, double max) {
        String raw = string(key);
        try {
            double v = Double.parseDouble(raw);
            if (v < min || v > max) throw bad(key, "a number from " + min + " to " + max, raw);
            return v;
        } catch (NumberFormatException e) {
            throw bad(key, "a number from " + min + " to " + max, raw);
        }
    }

    /** 0 means "any free port". */
    public int port(String key) {
        return integer(key, 0, 65535);
    }

    public boolean bool(String key) {
        String raw = string(key).toLowerCase(Locale.ROOT);
        return switch (raw) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw bad(key, "true or false", raw);
        };
    }

    public ZoneId zone(String key) {
        String raw = string(key);
        try {
            return ZoneId.of(raw);
        } catch (DateTimeException e) {
            throw bad(key, "a time zone such as Asia/Shanghai", raw);
        }
    }

    public <E extends Enum<E>> E oneOf(String key, Class<E> type) {
        String raw = string(key);
        try {
            return Enum.valueOf(type, raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(key, "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT), raw);
        }
    }

    public Path path(String key) {
        return Path.of(string(key));
    }

    private String describe(String key) {
        return String.valueOf(config.getValue(key).unwrapped());
    }

    private static ConfigException bad(String key, String expected, String got) {
        return new ConfigException("bad configuration: " + key + " (env " + envName(key) + ") must be " + expected
                + ", got '" + got + "'");
    }
}
