package org.sandian.channels.voice.agi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asterisk-Java's FastAGI server on its own thread ({@code startup()} blocks), one thread per call.
 * Only the scripts named here run: the library's default mapping would instantiate any class named
 * in the AGI URL.
 */
public final class FastAgiServer {

    private static final Logger log = LoggerFactory.getLogger(FastAgiServer.class);

    private final Server server;
    private final int port;
    private final Thread thread;

    private FastAgiServer(Server server, int port, Thread thread) {
        this.server = server;
        this.port = port;
        this.thread = thread;
    }

    /**
     * Binds and serves; returns once the port is bound. {@code threads} caps calls handled at once
     * (the library has no queue: a connection over it is closed at once).
     */
    public static FastAgiServer start(String host, int port, int threads, Map<String, AgiScript> scripts)
            throws IOException {
        int actual = port == 0 ? freePort(host) : port;
        SimpleMappingStrategy mapping = new SimpleMappingStrategy();
        mapping.setMappings(Map.copyOf(scripts));
        Server server = new Server(mapping);
        server.setAddress(InetAddress.getByName(host));
        server.setPort(actual);
        server.setPoolSize(Math.min(threads, 50));
        server.setMaximumPoolSize(threads);
        Thread thread = new Thread(() -> {
            try {
                server.startup();
            } catch (IOException | RuntimeException e) {
                server.bound.completeExceptionally(e);
            }
        }, "fastagi-accept-" + actual);
        thread.setDaemon(true);
        thread.start();
        try {
            server.bound.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            server.shutdown();
            throw new IOException("FastAGI server could not bind " + host + ":" + actual + ": " + e.getMessage(), e);
        }
        log.info("FastAGI listening on {}:{} scripts={} threads={}", host, actual, scripts.keySet(), threads);
        return new FastAgiServer(server, actual, thread);
    }

    public int port() {
        return port;
    }

    public void stop() {
        try {
            server.shutdown();
        } catch (IllegalStateException e) {
            // already stopped
        }
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Port 0: ask the OS for a free port (the library reports only the port it was given). */
    private static int freePort(String host) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return s.getLocalPort();
        }
    }

    /** Tells the starting thread when the socket is bound, or why it is not. */
    private static final class Server extends DefaultAgiServer {
        final CompletableFuture<Void> bound = new CompletableFuture<>();

        Server(SimpleMappingStrategy mapping) {
            super(mapping);
        }

        @Override
        protected ServerSocketFacade createServerSocket() throws IOException {
            try {
                ServerSocketFacade socket = super.createServerSocket();
                bound.complete(null);
                return socket;
            } catch (IOException e) {
                bound.completeExceptionally(e);
                throw e;
            }
        }
    }
}
