package org.sandian.channels.web.services;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Six-digit codes that prove a visitor holds a phone. Kept in memory (a code lives minutes; after a
 * restart the visitor asks for a new one), only as a salted SHA-256 hash, one per phone and
 * purpose; a new code replaces the old; a code works once, before it expires, within
 * {@link #MAX_ATTEMPTS} tries.
 */
public final class OneTimeCodes {

    static final int MAX_ATTEMPTS = 5;

    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public OneTimeCodes(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    public enum Check { OK, WRONG, EXPIRED, NONE }

    /** A fresh code for {@code phone} and {@code purpose}; only its hash is kept. */
    public String issue(String phone, String purpose) {
        String code = String.format("%06d", random.nextInt(1_000_000));
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        long now = clock.millis();
        entries.values().removeIf(e -> e.expires < now);
        entries.put(key(phone, purpose), new Entry(salt, hash(salt, code), now + ttl.toMillis(), new int[1]));
        return code;
    }

    public Check verify(String phone, String purpose, String typed) {
        String key = key(phone, purpose);
        Entry e = entries.get(key);
        if (e == null) return Check.NONE;
        if (e.expires < clock.millis()) {
            entries.remove(key);
            return Check.EXPIRED;
        }
        String code = typed == null ? "" : typed.replaceAll("\\s", "");
        if (MessageDigest.isEqual(e.hash, hash(e.salt, code))) {
            entries.remove(key);
            return Check.OK;
        }
        if (++e.attempts[0] >= MAX_ATTEMPTS) {
            entries.remove(key);
            return Check.EXPIRED;
        }
        return Check.WRONG;
    }

    private static String key(String phone, String purpose) {
        return purpose + ":" + phone;
    }

    private static byte[] hash(byte[] salt, String code) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            return md.digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private record Entry(byte[] salt, byte[] hash, long expires, int[] attempts) {
    }
}
