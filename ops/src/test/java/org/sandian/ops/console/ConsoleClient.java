package org.sandian.ops.console;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.sandian.ops.hub.Hub;
import org.sandian.ops.testing.SharedHub;

/** A browser-like HTTP client for the console: keeps cookies, reads each page's CSRF token. */
final class ConsoleClient {

    private static final Pattern TOKEN = Pattern.compile("name=\"X-XSRF-TOKEN\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final UnaryOperator<String> url;
    private String token;

    /** A client of the {@link SharedHub}. */
    ConsoleClient() {
        this(SharedHub::url);
    }

    /** A client of a hub of a test's own (one configured differently from the shared one). */
    ConsoleClient(Hub hub) {
        this(path -> "http://127.0.0.1:" + hub.httpPort() + path);
    }

    private ConsoleClient(UnaryOperator<String> url) {
        this.url = url;
    }

    /** The signed-in client itself, for what is not a page (sounds, downloads). */
    HttpClient http() {
        return http;
    }

    HttpResponse<String> get(String path) throws Exception {
        return keepToken(http.send(HttpRequest.newBuilder(URI.create(url.apply(path))).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** A page's forms carry the token for the next post (a valid post renews it, so a form shown again has a new one). */
    private HttpResponse<String> keepToken(HttpResponse<String> r) {
        Matcher m = TOKEN.matcher(r.body());
        if (m.find()) token = m.group(1);
        return r;
    }

    /** Posts a form with the token of the last page fetched, as a browser would. */
    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(form);
        if (token != null) all.put("X-XSRF-TOKEN", token);
        return postRaw(path, all);
    }

    HttpResponse<String> postRaw(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url.apply(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 303) return get(r.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
        return keepToken(r);
    }

    /** Posts a form with files (multipart/form-data, as a browser sends an upload) and the page's token. */
    HttpResponse<String> postFiles(String path, Map<String, String> form, Map<String, byte[]> files) throws Exception {
        String boundary = "----sandian" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(form);
        if (token != null) all.put("X-XSRF-TOKEN", token);
        for (Map.Entry<String, String> e : all.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                    + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"; filename=\""
                    + f.getKey() + ".wav\"\r\nContent-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(f.getValue());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(SharedHub.url(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 303) return get(r.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""));
        return keepToken(r);
    }

    HttpResponse<String> login(String name, String password) throws Exception {
        get("/console/login");
        return post("/console/login", Map.of("name", name, "password", password));
    }
}
