package org.sandian.channels.web.http;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Session-less CSRF protection by signed double submit: a random value signed with the hub's
 * secret sits in a cookie and in each form; a POST must carry the same valid token in both. No
 * server state, so it works across restarts and nodes that share the secret.
 */
public final class Csrf {

    public static final String COOKIE = "sd_csrf";
    public static final String FIELD = "csrf";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public Csrf(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The visitor's token, set in a cookie when he has no valid one yet. */
    public String token(RoutingContext ctx) {
        Cookie c = ctx.request().getCookie(COOKIE);
        if (c != null && valid(c.getValue())) return c.getValue();
        String existing = ctx.get(COOKIE);
        if (existing != null) return existing;
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String value = b64(nonce);
        String token = value + "." + sign(value);
        ctx.put(COOKIE, token);
        ctx.response().addCookie(Cookie.cookie(COOKIE, token).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT));
        return token;
    }

    /** True when the form's token equals the cookie's and carries our signature. */
    public boolean check(RoutingContext ctx, String formToken) {
        Cookie c = ctx.request().getCookie(COOKIE);
        if (c == null || formToken == null) return false;
        return MessageDigest.isEqual(c.getValue().getBytes(StandardCharsets.UTF_8),
                formToken.getBytes(StandardCharsets.UTF_8)) && valid(formToken);
    }

    private boolean valid(String token) {
        int dot = token.indexOf('.');
        if (dot < 1) return false;
        String expected = sign(token.substring(0, dot));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                token.substring(dot + 1).getBytes(StandardCharsets.UTF_8));
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return b64(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
