package org.sandian.ops.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.sandian.broadcast.subscriber.Subscriber;
import org.sandian.broadcast.subscriber.SubscriberStatus;
import org.sandian.broadcast.subscriber.SubscriberStore;
import org.sandian.content.answer.Channel;
import org.sandian.content.model.Lang;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;
import org.sandian.ops.auth.ApiTokens;
import org.sandian.ops.auth.PasswordHasher;
import org.sandian.ops.auth.Role;
import org.sandian.ops.auth.User;
import org.sandian.ops.auth.UserStore;
import org.sandian.ops.hub.HubProcess;

/**
 * The shipped jar clusters: two {@code java -jar sandian.jar serve} processes with
 * SANDIAN_CLUSTER=true join over TCP on loopback, and the event bus spans them. Shading merges
 * every library into one jar, and a lost service file or Hazelcast resource breaks only the jar,
 * not the tests that run hubs from the class path ({@link ClusterFailoverTest}).
 *
 * <p>Across the bus: a subscriber saved through hub A reaches hub B's in-memory audience index only
 * by A's "subscriber changed" event (a subscriber written straight to the store stays unseen there).
 * Then hub A is killed and B counts one member.
 *
 * <p>Runs in {@code mvn verify} after package (Failsafe), about 20 s; skipped with -DskipTests,
 * -DskipITs, {@code -Dsandian.cluster.test=false}, and when -Dtest names tests (then add
 * {@code -DskipITs=false -Dit.test=PackagedJarClusterIT}).
 */
@Tag("cluster")
@DisabledIfSystemProperty(named = "sandian.cluster.test", matches = "false")
class PackagedJarClusterIT {

    private static final Path JAR = Path.of(System.getProperty("sandian.jar", "target/sandian.jar"));
    private static final String COUNTY = "429005000000";
    private static final String VILLAGE = "429005101001";
    private static final String AUDIENCE = "{\"audience\":{\"regions\":[\"429005101000\"]},\"channels\":[\"SMS\"]}";
    private static final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Timeout(120)
    void twoHubsFromTheShippedJarShareOneEventBus() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "no " + JAR.toAbsolutePath() + ": run after package (mvn verify)");
        Path dir = Files.createDirectories(Path.of("target", "jar-cluster-it"));
        MongoStore store = TestStore.open();
        int[] hz = {freePort(), freePort()};
        String members = "127.0.0.1:" + hz[0] + ",127.0.0.1:" + hz[1];
        HubProcess a = HubProcess.startJar("jar-hub-a", JAR, ClusteredHubEnv.of(store, members, hz[0], dir.resolve("a")), dir);
        HubProcess b = HubProcess.startJar("jar-hub-b", JAR, ClusteredHubEnv.of(store, members, hz[1], dir.resolve("b")), dir);
        try {
            String token = editorToken(store);
            a.awaitReady(60);
            b.awaitReady(60);
            assertEquals("2 member(s)", cluster(a), a.log().toString());
            assertEquals("2 member(s)", cluster(b), b.log().toString());

            // written behind the hubs' backs: B's index must not see it, or the next check proves nothing
            new SubscriberStore(store).insertAll(List.of(farmer("+8613700000001")));
            assertEquals(0, people(b, token), "hub B counts from its index, not the store");

            HttpResponse<String> saved = api(a, "PUT", "/api/subscribers/+8613700000002", token,
                    "{\"name\":\"测试\",\"lang\":\"ZH\",\"regionCode\":\"" + VILLAGE + "\",\"channels\":[\"SMS\"]}");
            assertEquals(200, saved.statusCode(), saved.body());
            long end = System.currentTimeMillis() + 10_000;
            while (people(b, token) == 0 && System.currentTimeMillis() < end) Thread.sleep(100);
            assertEquals(1, people(b, token), "hub A's event reached hub B's index (one farmer: the event's, not a rescan)");

            a.kill();
            end = System.currentTimeMillis() + 20_000;
            while (!"1 member(s)".equals(cluster(b)) && System.currentTimeMillis() < end) Thread.sleep(200);
            assertEquals("1 member(s)", cluster(b), "hub B saw hub A die; " + b.log());
        } finally {
            a.close();
            b.close();
            store.close();
        }
    }

    /** An editor of the county and an API token for him, straight into the shared store. */
    private static String editorToken(MongoStore store) {
        new UserStore(store).add(new User("jar-it-editor", new PasswordHasher(1_000).hash("not-used-2026"), Role.EDITOR,
                COUNTY, 0, null, Instant.now(), false));
        return new ApiTokens(store, Clock.systemUTC()).create("jar-it-editor");
    }

    private static Subscriber farmer(String phone) {
        Instant t = Instant.now();
        return new Subscriber(phone, null, Lang.ZH, VILLAGE, List.of(), List.of("notices"), Set.of(Channel.SMS),
                SubscriberStatus.ACTIVE, "test", t, t, t);
    }

    /** The cluster component of the hub's /ready, e.g. "2 member(s)". */
    private static String cluster(HubProcess hub) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + hub.httpPort() + "/ready")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new JsonObject(r.body()).getJsonObject("components").getJsonObject("cluster").getString("detail");
    }

    /** Farmers of the village that an SMS broadcast would reach, as the hub counts them. */
    private static int people(HubProcess hub, String token) throws Exception {
        HttpResponse<String> r = api(hub, "POST", "/api/audiences/count", token, AUDIENCE);
        assertEquals(200, r.statusCode(), r.body());
        return new JsonObject(r.body()).getInteger("people");
    }

    private static HttpResponse<String> api(HubProcess hub, String method, String path, String token, String body)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.httpPort() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
