package org.sandian.channels.web.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/** A plain HTTP client for tests: no redirects followed, no decompression, cookies kept by hand. */
public final class Http {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    public final Map<String, String> cookies = new LinkedHashMap<>();

    public Http(String base) {
        this.base = base;
    }

    public HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        return send(b, headers);
    }

    public HttpResponse<byte[]> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(b);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder b, String... headers) throws Exception {
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        for (String sc : r.headers().allValues("set-cookie")) {
            String pair = sc.split(";", 2)[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return r;
    }

    /** The body as text, gunzipped when it came compressed. */
    public static String text(HttpResponse<byte[]> r) {
        if (!"gzip".equals(r.headers().firstValue("content-encoding").orElse(""))) {
            return new String(r.body(), StandardCharsets.UTF_8);
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of a hidden field in a form page. */
    public static String field(String html, String name) {
        String marker = "name=\"" + name + "\" value=\"";
        int i = html.indexOf(marker);
        if (i < 0) throw new AssertionError("no field " + name);
        int start = i + marker.length();
        return html.substring(start, html.indexOf('"', start));
    }
}
