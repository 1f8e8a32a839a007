package org.sandian.ops.auth;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * An officer's account. The password is kept only as a PBKDF2 hash; failed logins grow a delay and
 * then lock the account for a while.
 */
public record User(@BsonId String name, String passwordHash, Role role, String regionCode, int failedLogins,
                   Instant lockedUntil, Instant created, boolean disabled) {

    public Officer officer() {
        return new Officer(name, role, regionCode);
    }

    public User withPasswordHash(String hash) {
        return new User(name, hash, role, regionCode, 0, null, created, disabled);
    }
}
