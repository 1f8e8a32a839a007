package org.sandian.ops.hub;

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
 * A hub in a JVM of its own ({@code org.sandian.ops.Main serve} with this JVM's java and class
 * path, the jar when run as {@code java -jar}; or {@code java -jar} a given jar), as an operator
 * runs it: configured by environment only, ready once it prints its ready line. Its log goes to a
 * file. For tests and benchmarks that kill a hub for real (SIGKILL).
 */
public final class HubProcess implements AutoCloseable {

    /** JVM options of a small hub (tests: several on a shared machine). */
    private static final List<String> SMALL = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final String name;
    private final Process process;
    private final Path log;
    private final CompletableFuture<String> ready = new CompletableFuture<>();

    private HubProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** A small hub JVM on this JVM's class path. */
    public static HubProcess start(String name, Map<String, String> env, Path logDir) throws IOException {
        return start(name, env, logDir, SMALL);
    }

    public static HubProcess start(String name, Map<String, String> env, Path logDir, List<String> jvmOptions)
            throws IOException {
        List<String> command = java(jvmOptions);
        // the hub's own logging, not the test jars' quieter logback-test.xml
        command.add("-Dlogback.configurationFile=" + HubProcess.class.getResource("/logback.xml"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.sandian.ops.Main", "serve"));
        return launch(name, command, env, logDir);
    }

    /**
     * A small hub JVM running {@code java -jar jar serve}: the release exactly as shipped, its own
     * logging and resources, nothing from this JVM's class path.
     */
    public static HubProcess startJar(String name, Path jar, Map<String, String> env, Path logDir) throws IOException {
        List<String> command = java(SMALL);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "serve"));
        return launch(name, command, env, logDir);
    }

    private static List<String> java(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dfile.encoding=UTF-8");
        command.addAll(jvmOptions);
        return command;
    }

    private static HubProcess launch(String name, List<String> command, Map<String, String> env, Path logDir)
            throws IOException {
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
    public String awaitReady(long seconds) throws Exception {
        try {
            return ready.get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(name + " not ready within " + seconds + " s; see " + log);
        }
    }

    /** The ready line, or "not ready" after 3 minutes (the caller sees it and the log says why). */
    public String awaitReadyQuietly() {
        try {
            return awaitReady(180);
        } catch (Exception e) {
            return "not ready: " + e.getMessage();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The HTTP port from the ready line. */
    public int httpPort() throws Exception {
        for (String part : awaitReady(0).split(" ")) {
            if (part.startsWith("http=")) return Integer.parseInt(part.substring(5));
        }
        throw new IllegalStateException("no http port in the ready line");
    }

    /** SIGKILL: no shutdown hook, no lease given back, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
