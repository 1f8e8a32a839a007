package org.sandian.ops.cli;

import java.util.concurrent.CountDownLatch;
import org.sandian.ops.config.ConfigException;
import org.sandian.ops.config.HubConfig;
import org.sandian.ops.hub.Hub;

/** Starts a hub, prints the ready line, and runs until the process is told to stop. */
final class HubRunner {

    private HubRunner() {
    }

    static int run(HubOptions options, boolean demo) {
        HubConfig config;
        try {
            config = options.load();
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Hub hub = Hub.start(config, demo);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hub.stop();
            stopped.countDown();
        }, "sandian-shutdown"));
        System.out.println(hub.readyLine());
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
