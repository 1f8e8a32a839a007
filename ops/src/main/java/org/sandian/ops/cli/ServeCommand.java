package org.sandian.ops.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the hub.")
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    HubOptions options;

    @Override
    public Integer call() {
        return HubRunner.run(options, false);
    }
}
