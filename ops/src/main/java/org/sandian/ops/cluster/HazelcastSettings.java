package org.sandian.ops.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;

/**
 * Hazelcast as the hubs use it: Vert.x's own maps (from its default configuration), TCP-IP join to
 * the listed members only (no multicast, no cloud discovery), no phone-home, logs through SLF4J
 * (com.hazelcast at WARN in logback.xml), and a dead member noticed within seconds so its event
 * bus handlers are dropped quickly.
 */
public final class HazelcastSettings {

    /** Seconds without a heartbeat before a member is declared dead. */
    public static final int DEAD_AFTER_SECONDS = 10;

    private HazelcastSettings() {
    }

    public static Config config(ClusterSettings cluster) {
        Config hz = ConfigUtil.loadConfig();
        hz.setClusterName("sandian");
        hz.setProperty("hazelcast.phone.home.enabled", "false");
        hz.setProperty("hazelcast.logging.type", "slf4j");
        // Hub.stop() leaves the cluster through Vert.x; Hazelcast's own hook would leave first.
        hz.setProperty("hazelcast.shutdownhook.enabled", "false");
        hz.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        hz.setProperty("hazelcast.max.no.heartbeat.seconds", Integer.toString(DEAD_AFTER_SECONDS));
        hz.setProperty("hazelcast.local.localAddress", cluster.host());
        hz.setProperty("hazelcast.socket.bind.any", "false");
        NetworkConfig net = hz.getNetworkConfig();
        net.setPort(cluster.port()).setPortAutoIncrement(false);
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());
        return hz;
    }
}
