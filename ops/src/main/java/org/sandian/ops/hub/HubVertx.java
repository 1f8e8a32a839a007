package org.sandian.ops.hub;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.ClusterManager;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.sandian.ops.cluster.ClusterSettings;
import org.sandian.ops.cluster.HazelcastSettings;
import org.sandian.ops.cluster.MemberLog;
import org.sandian.ops.config.ConfigException;
import org.sandian.ops.config.ConfigReader;
import org.sandian.ops.config.HubConfig;
import org.sandian.ops.health.ComponentHealth;
import org.sandian.ops.metrics.HubMetrics;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's Vert.x: a plain one, or with {@code SANDIAN_CLUSTER=true} a clustered one whose event
 * bus spans every hub listed in {@code cluster.members} (Hazelcast, TCP-IP join). Metrics are
 * recorded in both cases. Blocking: waits for the cluster to be joined.
 */
public final class HubVertx {

    private static final Logger log = LoggerFactory.getLogger(HubVertx.class);
    private static final long JOIN_SECONDS = 90;

    private HubVertx() {
    }

    public static Vertx start(HubConfig config, HubMetrics metrics) {
        ClusterSettings cluster = settings(config);
        checkStore(config, cluster);
        if (!cluster.enabled()) return metrics.vertx(new VertxOptions());
        VertxOptions options = new VertxOptions().setEventBusOptions(new EventBusOptions()
                .setHost(cluster.host()).setPort(cluster.busPort()).setClusterPublicHost(cluster.host()));
        HazelcastClusterManager manager = new HazelcastClusterManager(HazelcastSettings.config(cluster));
        log.info("cluster: joining {} as {}:{}", cluster.members(), cluster.host(), cluster.port());
        long t0 = System.nanoTime();
        Vertx vertx = await(metrics.builder(options).withClusterManager(manager).buildClustered());
        log.info("cluster: joined in {} ms, {} member(s)", (System.nanoTime() - t0) / 1_000_000,
                manager.getNodes().size());
        manager.getHazelcastInstance().getCluster().addMembershipListener(new MemberLog());
        return vertx;
    }

    /** "cluster": OFF for a lone hub, else UP with the members this node sees. */
    public static Future<ComponentHealth> health(Vertx vertx) {
        if (!vertx.isClustered()) return Future.succeededFuture(ComponentHealth.off("a lone hub (cluster.enabled = false)"));
        ClusterManager manager = ((VertxInternal) vertx).clusterManager();
        return Future.succeededFuture(manager.isActive() ? ComponentHealth.up(manager.getNodes().size() + " member(s)")
                : ComponentHealth.down("left the cluster"));
    }

    /** Refuses a cluster over an embedded store: it is not replicated and dies with its hub. Call before opening the store. */
    public static void checkStore(HubConfig config) {
        checkStore(config, settings(config));
    }

    private static void checkStore(HubConfig config, ClusterSettings cluster) {
        if (cluster.enabled() && config.store().isEmbedded() && !cluster.embeddedStoreForTesting()) {
            throw new ConfigException("bad configuration: a cluster of hubs needs one external MongoDB: set mongo.uri (env "
                    + ConfigReader.envName("mongo.uri") + ") to the replica set on every hub. For a test only, one hub's "
                    + "embedded store may serve the others: set cluster.embedded-store-for-testing (env "
                    + ConfigReader.envName("cluster.embedded-store-for-testing") + ") to true on that hub and give the "
                    + "others its data-dir/store.uri address as mongo.uri");
        }
    }

    private static ClusterSettings settings(HubConfig config) {
        return ClusterSettings.from(config.reader(), Map.copyOf(System.getenv()));
    }

    private static Vertx await(Future<Vertx> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(JOIN_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("cluster not joined: interrupted", e);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("cluster not joined within " + JOIN_SECONDS + " s: " + cause, cause);
        }
    }
}
