package org.sandian.ops.auth;

import io.vertx.ext.auth.hashing.HashingStrategy;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Slow password hashing with PBKDF2-HMAC-SHA512 from vertx-auth-common, stored in the PHC string
 * format (algorithm, iterations and salt travel with the hash). Blocking: about 0.2 s a call.
 */
public final class PasswordHasher {

    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA512. */
    public static final int ITERATIONS = 210_000;

    private static final HashingStrategy STRATEGY = HashingStrategy.load();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;

    public PasswordHasher() {
        this(ITERATIONS);
    }

    public PasswordHasher(int iterations) {
        this.iterations = iterations;
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        String encodedSalt = Base64.getEncoder().withoutPadding().encodeToString(salt);
        return STRATEGY.hash("pbkdf2", Map.of("it", Integer.toString(iterations)), encodedSalt, password);
    }

    public boolean verify(String hash, String password) {
        return hash != null && password != null && STRATEGY.verify(hash, password);
    }
}
