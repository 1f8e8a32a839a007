package org.sandian.ops;

import org.sandian.ops.cli.BackupCommand;
import org.sandian.ops.cli.BenchCommand;
import org.sandian.ops.cli.DemoCommand;
import org.sandian.ops.cli.RestoreCommand;
import org.sandian.ops.cli.ServeCommand;
import org.sandian.ops.cli.SmscSimCommand;
import org.sandian.ops.cli.UserCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sandian <command>}: every way to run the hub and its tools. Bad usage exits 2. */
@Command(name = "sandian", mixinStandardHelpOptions = true, version = "sandian 0.1.0",
        description = "Sandian rural information hub: SMS, voice hotline, light web and village TV.",
        subcommands = {
                ServeCommand.class,
                DemoCommand.class,
                BenchCommand.class,
                UserCommand.class,
                SmscSimCommand.class,
                BackupCommand.class,
                RestoreCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (tests call this). */
    public static int execute(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    /** No sub-command: print usage and exit 2, like any other bad usage. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
