package org.sandian.ops.cluster;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.sandian.content.store.MongoStore;

/**
 * The environment of a hub JVM in a test cluster on one machine: free HTTP and AGI ports, no speech,
 * the one store every member uses, and TCP join on loopback to the listed members.
 */
final class ClusteredHubEnv {

    private ClusteredHubEnv() {
    }

    /** A mutable map: tests add their channels' settings. */
    static Map<String, String> of(MongoStore store, String members, int hzPort, Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("SANDIAN_HTTP_PORT", "0");
        env.put("SANDIAN_AGI_PORT", "0");
        env.put("SANDIAN_AGI_TTS", "false");
        env.put("SANDIAN_DATA_DIR", dataDir.toAbsolutePath().toString());
        env.put("SANDIAN_MONGO_URI", store.connectionString());
        env.put("SANDIAN_CLUSTER", "true");
        env.put("SANDIAN_CLUSTER_MEMBERS", members);
        env.put("SANDIAN_CLUSTER_HOST", "127.0.0.1");
        env.put("SANDIAN_CLUSTER_PORT", Integer.toString(hzPort));
        env.put("SANDIAN_LOG_LEVEL", "INFO");
        return env;
    }
}
