package org.sandian.ops.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.sandian.content.audit.AuditLog;

/**
 * Checks officers' passwords. Each failure makes the next answer slower (0.25 s doubling up to 4 s),
 * and {@link #LOCK_AFTER} failures in a row lock the account for {@link #LOCK_FOR}. Every attempt is
 * audited. Blocking: call from a worker.
 */
public final class Logins {

    public static final int LOCK_AFTER = 5;
    public static final Duration LOCK_FOR = Duration.ofMinutes(15);
    private static final long MAX_DELAY_MS = 4_000;

    private final UserStore users;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;
    /** Failed attempts at names that do not exist, so they are slowed down like real ones. */
    private final java.util.Map<String, Integer> unknownNames = new java.util.concurrent.ConcurrentHashMap<>();
    /** Hashed once so that an unknown name costs as much time as a wrong password. */
    private final String decoyHash;

    public Logins(UserStore users, PasswordHasher hasher, AuditLog audit, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.decoyHash = hasher.hash("decoy-password-never-used");
    }

    public LoginResult login(String name, String password, String from) {
        Instant now = clock.instant();
        Optional<User> found = name == null ? Optional.empty() : users.find(name.trim());
        if (found.isEmpty() || found.get().disabled()) {
            hasher.verify(decoyHash, password == null ? "" : password);
            audit.record(String.valueOf(name), "login-failed", "user:" + name, null, null, "from " + from);
            pause(unknownNames.merge(String.valueOf(name), 1, Integer::sum)); // same growing delay as a real name
            if (unknownNames.size() > 10_000) unknownNames.clear();
            return LoginResult.refused();
        }
        User user = found.get();
        if (user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
            audit.record(user.name(), "login-locked", "user:" + user.name(), user.regionCode(), null, "from " + from);
            return LoginResult.locked(user.lockedUntil());
        }
        if (hasher.verify(user.passwordHash(), password)) {
            if (user.failedLogins() > 0 || user.lockedUntil() != null) users.clearFailures(user.name());
            audit.record(user.name(), "login", "user:" + user.name(), user.regionCode(), null, "from " + from);
            return LoginResult.ok(user.officer());
        }
        int failures = users.countFailure(user.name()).map(User::failedLogins).orElse(LOCK_AFTER);
        Instant lock = failures >= LOCK_AFTER ? now.plus(LOCK_FOR) : null;
        if (lock != null) users.lock(user.name(), lock);
        audit.record(user.name(), lock != null ? "login-locked" : "login-failed", "user:" + user.name(),
                user.regionCode(), null, "from " + from + ", failure " + failures);
        pause(failures);
        return lock != null ? LoginResult.locked(lock) : LoginResult.refused();
    }

    /** The growing delay: slows guessing without locking anyone out early. */
    private static void pause(int failures) {
        long ms = Math.min(MAX_DELAY_MS, 250L << Math.min(failures - 1, 10));
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
