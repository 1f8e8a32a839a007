package org.sandian.ops.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.sandian.channels.sms.codec.Gsm7;
import org.sandian.channels.sms.codec.MtSplitter;
import org.sandian.channels.sms.sim.SimMessage;
import org.sandian.channels.sms.sim.SimOptions;
import org.sandian.channels.sms.sim.SmscSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sandian smsc-sim}: an SMSC on a TCP port for the demo and manual tests. Injects MO from a
 * file or standard input ({@code from<TAB>text} per line), records every MT it receives (joined
 * parts) to a file, and misbehaves on request (TPS limit, dropped connection, no receipts).
 */
@Command(name = "smsc-sim", mixinStandardHelpOptions = true,
        description = "Runs an SMPP 3.4 SMSC simulator (jSMPP server side) until stopped.")
public final class SmscSimCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "2775", description = "TCP port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--system-id", defaultValue = "sandian", description = "accepted system_id")
    String systemId;

    @Option(names = "--password", defaultValue = "secret", description = "accepted password")
    String password;

    @Option(names = "--receipts", negatable = true, defaultValue = "true",
            description = "send delivery receipts (--no-receipts: none)")
    boolean receipts;

    @Option(names = "--decimal-ids", description = "give receipt ids in decimal (submit_sm_resp stays hex)")
    boolean decimalIds;

    @Option(names = "--tps", defaultValue = "0", description = "submits/s per bind; over it ESME_RTHROTTLED (0 = no limit)")
    int tps;

    @Option(names = "--drop-after", defaultValue = "0", description = "drop the connection when the Nth PDU arrives (0 = never)")
    int dropAfter;

    @Option(names = "--mo-file", description = "MO to inject, one 'from<TAB>text' per line; default: standard input")
    Path moFile;

    @Option(names = "--to", defaultValue = "12316", description = "short code the injected MO are sent to")
    String shortCode;

    @Option(names = "--record", description = "append every MT received (to<TAB>from<TAB>parts<TAB>text) to FILE")
    Path record;

    @Override
    public Integer call() throws Exception {
        SimOptions options = SimOptions.on(port).withCredentials(systemId, password)
                .withReceipts(receipts, decimalIds).withTps(tps).withDropAfter(dropAfter);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (SmscSimulator sim = SmscSimulator.start(options)) {
            if (record != null) sim.onMessage(m -> append(record, m));
            out.println("smsc-sim listening on port " + port + " (system id " + systemId + ")");
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            Thread feeder = new Thread(() -> feed(sim, out), "smsc-sim-mo");
            feeder.setDaemon(true);
            feeder.start();
            stop.await();
        }
        return 0;
    }

    /** Reads MO lines from the file or stdin and queues them; long ones go as concatenated parts. */
    private void feed(SmscSimulator sim, PrintStream out) {
        try (BufferedReader in = moFile != null ? Files.newBufferedReader(moFile, StandardCharsets.UTF_8)
                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            int ref = 0;
            while ((line = in.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (line.isBlank() || tab < 0) continue;
                String from = line.substring(0, tab).trim().replaceFirst("^\\+", "");
                String text = line.substring(tab + 1);
                boolean gsm = Gsm7.canEncode(text);
                int single = gsm ? MtSplitter.GSM_SINGLE : MtSplitter.UCS2_SINGLE;
                if (text.length() <= single) {
                    sim.injectMo(from, shortCode, text, gsm ? 0 : 8);
                } else {
                    sim.injectLongMo(from, shortCode, text, gsm ? 0 : 8,
                            gsm ? MtSplitter.GSM_PART : MtSplitter.UCS2_PART, SmscSimulator.ConcatMode.UDH8,
                            ++ref & 0xFF, null);
                }
                out.println("MO queued from " + from + ": " + text);
            }
        } catch (IOException e) {
            out.println("MO input ended: " + e.getMessage());
        }
    }

    private static synchronized void append(Path file, SimMessage m) {
        String line = m.to() + "\t" + m.from() + "\t" + m.parts().size() + "\t"
                + m.text().replace('\n', ' ').replace('\t', ' ') + "\n";
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            w.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
