package org.sandian.ops.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A hub in a JVM of its own ({@code org.sandian.ops.Main serve} on this test's class path), as an
 * operator runs it: configured by environment only, ready once it prints its ready line. Its log
 * goes to a file beside the test's output.
 */
final class HubProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final CompletableFuture<String> ready = new CompletableFuture<>();

    private HubProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static HubProcess start(String name, Map<String, String> env, Path logDir) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                // the hub's own logging, not the test jars' quieter logback-test.xml
                "-Dlogback.configurationFile=" + HubProcess.class.getResource("/logback.xml"),
                "-cp", System.getProperty("java.class.path"), "org.sandian.ops.Main", "serve"));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        Path log = logDir.resolve(name + ".log");
        pb.redirectError(log.toFile());
        HubProcess hub = new HubProcess(name, pb.start(), log);
        hub.readStdout();
        return hub;
    }

    private void readStdout() {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("sandian ready")) ready.complete(line);
                }
            } catch (IOException e) {
                // the process died: awaitReady reports it
            }
            ready.completeExceptionally(new IllegalStateException(name + " ended before it was ready; see " + log));
        }, name + "-stdout");
        t.setDaemon(true);
        t.start();
    }

    /** The ready line. */
    String awaitReady(long seconds) throws Exception {
        try {
            return ready.get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(name + " not ready within " + seconds + " s; see " + log);
        }
    }

    /** The HTTP port from the ready line. */
    int httpPort() throws Exception {
        for (String part : awaitReady(0).split(" ")) {
            if (part.startsWith("http=")) return Integer.parseInt(part.substring(5));
        }
        throw new IllegalStateException("no http port in the ready line");
    }

    /** SIGKILL: no shutdown hook, no lease given back, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
