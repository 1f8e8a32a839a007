package org.sandian.content.audit;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * Who did what, when: one per login, publish, approval, broadcast action and user change. Never
 * updated or deleted: no interface of the hub can.
 *
 * @param id     time-ordered unique id (sorting by id sorts by time)
 * @param actor  the officer's user name, or "system"
 * @param action e.g. "login", "login-failed", "publish", "approve", "broadcast.cancel", "user.add"
 * @param target what was acted on, e.g. "notice:n-2026-11-01" or "user:lihua"
 * @param region the region the target belongs to (for scoped viewing), or null
 * @param before the target's state before (JSON text), or null
 * @param after  the target's state after (JSON text), or null
 */
public record AuditRecord(@BsonId String id, Instant at, String actor, String action, String target, String region,
                          String before, String after) {
}
