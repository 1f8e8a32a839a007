package org.sandian.channels.web.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * A rendered response body, compressed once and tagged with a hash of its bytes, so a cached page
 * costs no rendering, no compression and, on a repeat visit, no body at all (304).
 */
public record Page(String contentType, byte[] raw, byte[] gzip, String etag) {

    public static final String HTML = "text/html; charset=utf-8";
    public static final String TEXT = "text/plain; charset=utf-8";
    public static final String CSV = "text/csv; charset=utf-8";
    public static final String RSS = "application/rss+xml; charset=utf-8";

    public static Page of(String contentType, String body) {
        return of(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public static Page of(String contentType, byte[] raw) {
        return new Page(contentType, raw, gzip(raw), etagOf(raw));
    }

    private static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String etagOf(byte[] raw) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(raw);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
