package org.sandian.ops.auth;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.sandian.content.store.MongoStore;

/** Creates and checks API bearer tokens. The token itself is shown once and never stored. Blocking. */
public final class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<ApiToken> tokens;
    private final Clock clock;

    public ApiTokens(MongoStore store, Clock clock) {
        this.tokens = store.collection("api_tokens", ApiToken.class);
        this.clock = clock;
    }

    /** A new token for {@code user}: "sd_" and 43 characters of randomness. */
    public String create(String user) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "sd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        tokens.insertOne(new ApiToken(sha256(token), user, clock.instant()));
        return token;
    }

    /** The user a token belongs to. */
    public Optional<String> userOf(String token) {
        if (token == null || !token.startsWith("sd_")) return Optional.empty();
        ApiToken t = tokens.find(eq("_id", sha256(token))).first();
        return Optional.ofNullable(t).map(ApiToken::user);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
