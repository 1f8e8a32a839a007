package org.sandian.ops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sandian bench <what>}: benchmarks that print figures, ending with one RESULT line. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks on loopback; each ends with a RESULT line.",
        subcommands = {BenchSmsCommand.class, BenchIvrCommand.class, BenchWebCommand.class, BenchBroadcastCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to benchmark");
    }
}
