package org.sandian.ops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.ops.auth.ApiTokens;
import org.sandian.ops.auth.Role;
import org.sandian.ops.testing.SharedHub;

/** The JSON API over real HTTP: bearer tokens, and an officer's region scope. */
class ApiTest {

    static final HttpClient http = HttpClient.newHttpClient();
    static String qianjiangToken;

    @BeforeAll
    static void token() {
        SharedHub.officer("api-editor-qj", Role.EDITOR, "429005000000");
        qianjiangToken = new ApiTokens(SharedHub.get().store(), Clock.systemUTC()).create("api-editor-qj");
    }

    static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(SharedHub.url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutATokenTheApiAnswers401() throws Exception {
        HttpResponse<String> r = send("GET", "/api/broadcasts", null, null);
        assertEquals(401, r.statusCode());
        assertTrue(new JsonObject(r.body()).getString("error").contains("bearer"));
        assertEquals(401, send("GET", "/api/broadcasts", "sd_forged", null).statusCode());
    }

    @Test
    void aValidTokenListsBroadcasts() throws Exception {
        assertEquals(200, send("GET", "/api/broadcasts", qianjiangToken, null).statusCode());
    }

    @Test
    void aCountyOfficerCannotTargetAnotherCounty() throws Exception {
        String draft = """
                {"title":"长沙通知","texts":{"ZH":"测试"},"channels":["SMS"],
                 "audience":{"regions":["430100000000"]},"schedule":{"kind":"NOW"}}""";
        HttpResponse<String> r = send("POST", "/api/broadcasts", qianjiangToken, draft);
        assertEquals(403, r.statusCode(), r.body());
    }

    @Test
    void aCountyOfficerMayTargetHisOwnCounty() throws Exception {
        String draft = """
                {"title":"潜江通知","texts":{"ZH":"油菜播种时间到了"},"channels":["SMS"],
                 "audience":{"regions":["429005000000"]},"schedule":{"kind":"NOW"}}""";
        HttpResponse<String> r = send("POST", "/api/broadcasts", qianjiangToken, draft);
        assertEquals(201, r.statusCode(), r.body());
    }
}
