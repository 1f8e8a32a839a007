package org.sandian.ops.config;

/** A configuration value is missing or wrong; the message names the key, its variable and what is expected. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
