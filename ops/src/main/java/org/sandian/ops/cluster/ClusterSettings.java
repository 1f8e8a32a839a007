package org.sandian.ops.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sandian.ops.config.ConfigException;
import org.sandian.ops.config.ConfigReader;

/**
 * The {@code cluster} section: whether this hub joins others on one event bus, how it finds them
 * (TCP-IP join, members listed one by one: Hazelcast throws on a port range in a member string),
 * and the address and ports it offers them.
 *
 * @param enabled        {@code cluster.enabled}, or {@code SANDIAN_CLUSTER=true}
 * @param members        {@code cluster.members}: host:port of each member (this node may be listed too)
 * @param host           {@code cluster.host}: this node's address as the others reach it
 * @param port           {@code cluster.port}: this node's Hazelcast port
 * @param busPort        {@code cluster.bus-port}: this node's event bus port (0: any free port)
 * @param embeddedStoreForTesting {@code cluster.embedded-store-for-testing}: allow an embedded store
 *                       (only for tests: it is not replicated and dies with its hub)
 */
public record ClusterSettings(boolean enabled, List<String> members, String host, int port, int busPort,
                              boolean embeddedStoreForTesting) {

    /** The short switch operators use, as the issue names it. */
    public static final String SWITCH = "SANDIAN_CLUSTER";

    public static ClusterSettings off() {
        return new ClusterSettings(false, List.of(), "127.0.0.1", 5701, 0, false);
    }

    public static ClusterSettings from(ConfigReader r, Map<String, String> env) {
        boolean enabled = r.bool("cluster.enabled");
        String flag = env.get(SWITCH);
        if (flag != null && !flag.isBlank()) enabled = parseSwitch(flag);
        List<String> members = members(r.string("cluster.members"));
        if (enabled && members.isEmpty()) {
            throw new ConfigException("bad configuration: cluster.members (env " + ConfigReader.envName("cluster.members")
                    + ") must list the members as host:port,host:port when the cluster is on");
        }
        String host = r.string("cluster.host");
        if (enabled && isLoopback(host) && !members.stream().allMatch(m -> isLoopback(m.substring(0, m.lastIndexOf(':'))))) {
            throw new ConfigException("bad configuration: cluster.host (env " + ConfigReader.envName("cluster.host")
                    + ") is '" + host + "', which the other members cannot reach: set it to this hub's address");
        }
        return new ClusterSettings(enabled, members, host, r.port("cluster.port"),
                r.port("cluster.bus-port"), r.bool("cluster.embedded-store-for-testing"));
    }

    private static boolean isLoopback(String host) {
        return host.isEmpty() || host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }

    private static boolean parseSwitch(String raw) {
        switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "on": case "1":
                return true;
            case "false": case "no": case "off": case "0":
                return false;
            default:
                throw new ConfigException("bad configuration: " + SWITCH + " must be true or false, got '" + raw + "'");
        }
    }

    /** "a:5701, b:5701" as a list; a port range ("a:5701-5703") is refused here, with the key named. */
    static List<String> members(String raw) {
        List<String> out = new ArrayList<>();
        for (String part : raw.split(",")) {
            String m = part.trim();
            if (m.isEmpty()) continue;
            int colon = m.lastIndexOf(':');
            String portText = colon < 0 ? "" : m.substring(colon + 1);
            if (colon <= 0 || !portText.matches("\\d{1,5}") || Integer.parseInt(portText) > 65535) {
                throw new ConfigException("bad configuration: cluster.members (env " + ConfigReader.envName("cluster.members")
                        + ") must list each member as host:port (one port each, no ranges), got '" + m + "'");
            }
            out.add(m);
        }
        return List.copyOf(out);
    }
}
