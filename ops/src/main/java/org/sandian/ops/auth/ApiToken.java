package org.sandian.ops.auth;

import java.time.Instant;
import org.bson.codecs.pojo.annotations.BsonId;

/** A bearer token for the JSON API, stored only as its SHA-256 (tokens are random, so a fast hash is enough). */
public record ApiToken(@BsonId String sha256, String user, Instant created) {
}
