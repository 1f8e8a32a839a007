package org.sandian.channels.sms;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.sandian.channels.sms.sim.SimOptions;
import org.sandian.channels.sms.sim.SmscSimulator;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

/**
 * The SMS channel bound over loopback to the simulator, on the embedded store: what every
 * integration test here starts from. Records what the MO handler got.
 */
final class SmsTestBed implements AutoCloseable {

    final Vertx vertx = Vertx.vertx();
    final List<InboundMessage> received = new CopyOnWriteArrayList<>();
    final int port;
    MongoStore store;
    SmscSimulator sim;
    SmsChannel channel;
    private String deployment;

    SmsTestBed() {
        this.port = freePort();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SmsOptions options() {
        // the simulator hands kept receipts over at once: no need to wait the production grace
        return SmsOptions.of("127.0.0.1", port, "sandian", "secret")
                .withTimers(Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(60))
                .withReceiptsGrace(Duration.ofSeconds(2));
    }

    SmsTestBed startSim(SimOptions o) throws IOException {
        sim = SmscSimulator.start(o);
        return this;
    }

    SmsTestBed startSim() throws IOException {
        return startSim(SimOptions.on(port));
    }

    SmsTestBed openStore() {
        store = TestStore.open();
        return this;
    }

    SmsTestBed deploy(SmsOptions o) throws Exception {
        return deploy(o, received::add);
    }

    SmsTestBed deploy(SmsOptions o, MoHandler handler) throws Exception {
        if (store == null) openStore();
        channel = new SmsChannel(o, store, handler, Clock.systemUTC());
        deployment = vertx.deployVerticle(channel).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return this;
    }

    void undeploy() throws Exception {
        vertx.undeploy(deployment).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        channel = null;
    }

    void awaitBound() {
        await(() -> channel.allBound(), 10_000, "binds up");
    }

    static void await(BooleanSupplier condition, long millis, String what) {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() throws Exception {
        if (channel != null) undeploy();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        if (sim != null) sim.close();
        if (store != null) store.close();
    }
}
