package org.sandian.ops.testing;

import java.time.Instant;
import java.util.Map;
import org.sandian.content.testing.TestStore;
import org.sandian.ops.auth.PasswordHasher;
import org.sandian.ops.auth.Role;
import org.sandian.ops.auth.User;
import org.sandian.ops.auth.UserStore;
import org.sandian.ops.config.ConfigReader;
import org.sandian.ops.config.HubConfig;
import org.sandian.ops.hub.Hub;

/**
 * One demo hub (embedded store, free ports) shared by the ops tests of this JVM: starting one takes
 * seconds, and every test here only adds its own data.
 */
public final class SharedHub {

    public static final String PASSWORD = "test-password-2026";
    private static Hub hub;

    private SharedHub() {
    }

    public static synchronized Hub get() {
        if (hub == null) {
            HubConfig config = HubConfig.from(ConfigReader.load(null, Map.of(
                    "SANDIAN_HTTP_PORT", "0",
                    "SANDIAN_AGI_PORT", "0",
                    "SANDIAN_DATA_DIR", TestStore.tempDir().toString())));
            hub = Hub.start(config, true);
            Runtime.getRuntime().addShutdownHook(new Thread(hub::stop));
        }
        return hub;
    }

    /** Adds an officer with {@link #PASSWORD} (once per name). */
    public static synchronized void officer(String name, Role role, String region) {
        officer(get(), name, role, region);
    }

    /** Adds an officer with {@link #PASSWORD} to a hub of a test's own (once per name). */
    public static synchronized void officer(Hub hub, String name, Role role, String region) {
        UserStore users = new UserStore(hub.store());
        if (users.find(name).isEmpty()) {
            users.add(new User(name, new PasswordHasher(1_000).hash(PASSWORD), role, region, 0, null, Instant.now(), false));
        }
    }

    public static String url(String path) {
        return "http://127.0.0.1:" + get().httpPort() + path;
    }
}
