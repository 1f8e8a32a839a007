package org.sandian.ops.cli;

import java.nio.file.Path;
import org.sandian.ops.config.ConfigReader;
import org.sandian.ops.config.HubConfig;
import picocli.CommandLine.Option;

/** The options every command that starts a hub shares. */
public final class HubOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "HOCON config file (defaults: the built-in sandian.conf; env SANDIAN_* overrides both)")
    Path config;

    public HubConfig load() {
        return HubConfig.from(ConfigReader.load(config, System.getenv()));
    }
}
