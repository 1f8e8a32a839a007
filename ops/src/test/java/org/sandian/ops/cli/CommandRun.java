package org.sandian.ops.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.sandian.ops.Main;

/** A {@code sandian} command run in this JVM: its exit code and what it printed (echoed too). */
record CommandRun(int code, String text) {

    static CommandRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.execute(args);
        } finally {
            System.setOut(console);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        console.print(text);
        return new CommandRun(code, text);
    }
}
