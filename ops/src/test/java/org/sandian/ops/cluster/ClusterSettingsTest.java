package org.sandian.ops.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sandian.ops.config.ConfigException;
import org.sandian.ops.config.ConfigReader;
import org.sandian.ops.config.HubConfig;
import org.sandian.ops.hub.HubVertx;

class ClusterSettingsTest {

    private static ClusterSettings settings(Map<String, String> env) {
        return ClusterSettings.from(ConfigReader.load(null, env), env);
    }

    @Test
    void aLoneHubIsTheDefault() {
        assertFalse(settings(Map.of()).enabled());
    }

    @Test
    void sandianClusterTrueJoinsTheListedMembersOneByOne() {
        ClusterSettings s = settings(Map.of("SANDIAN_CLUSTER", "true", "SANDIAN_CLUSTER_HOST", "10.0.0.12",
                "SANDIAN_CLUSTER_MEMBERS", " 10.0.0.11:5701, 10.0.0.12:5702 ,", "SANDIAN_CLUSTER_PORT", "5702"));
        assertTrue(s.enabled());
        assertEquals(List.of("10.0.0.11:5701", "10.0.0.12:5702"), s.members());
        assertEquals(5702, s.port());
    }

    @Test
    void aPortRangeInTheMemberListIsRefusedNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> settings(Map.of("SANDIAN_CLUSTER", "true",
                "SANDIAN_CLUSTER_MEMBERS", "10.0.0.11:5701-5703")));
        assertTrue(e.getMessage().contains("cluster.members (env SANDIAN_CLUSTER_MEMBERS)"), e.getMessage());
        assertTrue(e.getMessage().contains("10.0.0.11:5701-5703"), e.getMessage());
    }

    @Test
    void aLoopbackHostAmongRemoteMembersIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> settings(Map.of("SANDIAN_CLUSTER", "true",
                "SANDIAN_CLUSTER_MEMBERS", "10.0.0.11:5701,10.0.0.12:5701")));
        assertTrue(e.getMessage().contains("cluster.host (env SANDIAN_CLUSTER_HOST)"), e.getMessage());
        assertEquals("10.0.0.11", settings(Map.of("SANDIAN_CLUSTER", "true", "SANDIAN_CLUSTER_HOST", "10.0.0.11",
                "SANDIAN_CLUSTER_MEMBERS", "10.0.0.11:5701,10.0.0.12:5701")).host());
    }

    @Test
    void aClusterWithoutMembersIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> settings(Map.of("SANDIAN_CLUSTER", "yes")));
        assertTrue(e.getMessage().contains("cluster.members"), e.getMessage());
    }

    @Test
    void aMisspelledSwitchIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> settings(Map.of("SANDIAN_CLUSTER", "ture")));
        assertTrue(e.getMessage().contains("SANDIAN_CLUSTER must be true or false"), e.getMessage());
    }

    @Test
    void hazelcastJoinsByTcpOnlyWithoutMulticastOrPhoneHome() {
        Config hz = HazelcastSettings.config(settings(Map.of("SANDIAN_CLUSTER", "true",
                "SANDIAN_CLUSTER_MEMBERS", "127.0.0.1:5701,127.0.0.1:5702")));
        var join = hz.getNetworkConfig().getJoin();
        assertFalse(join.getMulticastConfig().isEnabled());
        assertFalse(join.getAutoDetectionConfig().isEnabled());
        assertTrue(join.getTcpIpConfig().isEnabled());
        assertEquals(List.of("127.0.0.1:5701", "127.0.0.1:5702"), join.getTcpIpConfig().getMembers());
        assertEquals("false", hz.getProperty("hazelcast.phone.home.enabled"));
        assertFalse(hz.getNetworkConfig().isPortAutoIncrement());
        // Vert.x's own structures are kept from its default configuration
        assertTrue(hz.getMultiMapConfigs().containsKey("__vertx.subs"));
    }

    @Test
    void aClusterOnAnEmbeddedStoreIsRefusedUnlessMarkedForTesting() {
        // the embedded store is the default (no mongo.uri); the check runs before it is opened
        HubConfig embedded = HubConfig.from(ConfigReader.load(null, Map.of("SANDIAN_CLUSTER_ENABLED", "true",
                "SANDIAN_CLUSTER_MEMBERS", "127.0.0.1:5701")));
        ConfigException e = assertThrows(ConfigException.class, () -> HubVertx.checkStore(embedded));
        assertTrue(e.getMessage().contains("mongo.uri (env SANDIAN_MONGO_URI)"), e.getMessage());
        assertTrue(e.getMessage().contains("cluster.embedded-store-for-testing"), e.getMessage());

        HubVertx.checkStore(HubConfig.from(ConfigReader.load(null, Map.of("SANDIAN_CLUSTER_ENABLED", "true",
                "SANDIAN_CLUSTER_MEMBERS", "127.0.0.1:5701", "SANDIAN_CLUSTER_EMBEDDED_STORE_FOR_TESTING", "true"))));
        HubVertx.checkStore(HubConfig.from(ConfigReader.load(null, Map.of("SANDIAN_CLUSTER_ENABLED", "true",
                "SANDIAN_CLUSTER_MEMBERS", "127.0.0.1:5701", "SANDIAN_MONGO_URI", "mongodb://db1:27017/?replicaSet=rs0"))));
    }
}
