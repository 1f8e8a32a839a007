package org.sandian.ops.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the hub; an empty store first gets the demo data (prices, notices, guidance).")
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    HubOptions options;

    @Override
    public Integer call() {
        return HubRunner.run(options, true);
    }
}
