package org.sandian.channels.sms.bench;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.sandian.channels.sms.SmsChannel;
import org.sandian.channels.sms.SmsOptions;
import org.sandian.channels.sms.sim.SimOptions;
import org.sandian.channels.sms.sim.SmscSimulator;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.store.MongoStore;
import org.sandian.content.store.StoreOptions;

/**
 * The SMS transport alone on loopback: the channel on the embedded store, bound to the simulator.
 * Queues N MTs (durably) and waits until the simulator has them all, then injects N MOs and waits
 * until all are stored and handed over. Prints one RESULT line. For ops' {@code sandian bench}.
 *
 * <p>Arguments: count (default 5000), binds (1), window per bind (50), TPS per bind (100000), store
 * ("file": the embedded H2 file store, the default; "memory": H2 in memory, to see the transport's
 * own ceiling apart from the store's commits).
 */
public final class TransportBench {

    private TransportBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int binds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int window = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int tps = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        boolean memory = args.length > 4 && args[4].equals("memory");
        System.out.println(run(count, binds, window, tps, memory));
        System.exit(0);
    }

    public static String run(int count, int binds, int window, int tps, boolean memory) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        AtomicInteger mo = new AtomicInteger();
        Vertx vertx = Vertx.vertx();
        MongoServer memoryServer = memory ? new MongoServer(H2Backend.inMemory()) : null;
        StoreOptions storeOptions = memory
                ? new StoreOptions(memoryServer.bindAndGetConnectionString(), null, "sandian")
                : StoreOptions.embedded(Files.createTempDirectory("sms-bench"));
        try (SmscSimulator sim = SmscSimulator.start(SimOptions.on(port).withReceipts(false, false));
             MongoStore store = MongoStore.open(storeOptions)) {
            SmsOptions options = SmsOptions.of("127.0.0.1", port, "sandian", "secret").withBinds(binds)
                    .withFlow(window, tps).withReceipts(false);
            SmsChannel channel = new SmsChannel(options, store, m -> mo.incrementAndGet(), Clock.systemUTC());
            vertx.deployVerticle(channel).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            long end = System.currentTimeMillis() + 10_000;
            while (!channel.allBound() && System.currentTimeMillis() < end) Thread.sleep(10);

            long t0 = System.nanoTime();
            CompletableFuture<?>[] queued = new CompletableFuture<?>[count];
            for (int i = 0; i < count; i++) {
                queued[i] = channel.sender().send(new OutboundSms("bench-" + i, "+86138" + String.format("%08d", i),
                        "PRICE MAIZE WUHAN 2.35 yuan/kg " + i, OutboundSms.Priority.REPLY, "bench"));
            }
            CompletableFuture.allOf(queued).get(120, TimeUnit.SECONDS);
            double queuedSeconds = (System.nanoTime() - t0) / 1e9;
            boolean allMt = sim.awaitMessages(count, 120_000);
            double mtSeconds = (System.nanoTime() - t0) / 1e9;

            long t1 = System.nanoTime();
            for (int i = 0; i < count; i++) sim.injectMo("86139" + String.format("%08d", i), "12316", "玉米 " + i, 8);
            long moEnd = System.currentTimeMillis() + 120_000;
            while (mo.get() < count && System.currentTimeMillis() < moEnd) Thread.sleep(5);
            double moSeconds = (System.nanoTime() - t1) / 1e9;
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return String.format("RESULT mt_queued_per_s=%.0f mt_per_s=%.0f mo_per_s=%.0f mt_received=%d/%d mo_handled=%d/%d binds=%d window=%d store=%s%s",
                    count / queuedSeconds, sim.messages().size() / mtSeconds, mo.get() / moSeconds, sim.messages().size(), count, mo.get(),
                    count, binds, window, memory ? "memory" : "file", allMt ? "" : " (MT timed out)");
        } finally {
            if (memoryServer != null) memoryServer.shutdownNow();
        }
    }
}
