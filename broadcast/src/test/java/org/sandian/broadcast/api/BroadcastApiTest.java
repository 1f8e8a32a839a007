package org.sandian.broadcast.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.broadcast.core.BroadcastOptions;
import org.sandian.broadcast.core.Officer;
import org.sandian.broadcast.outbox.BroadcastEngine;
import org.sandian.broadcast.outbox.EngineOptions;
import org.sandian.broadcast.outbox.SenderOptions;
import org.sandian.broadcast.testing.Await;
import org.sandian.broadcast.testing.SmsSendRecorder;
import org.sandian.content.answer.Channel;
import org.sandian.content.bus.MessageTypes;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

/** The /api/ router over real HTTP; the caller is put on the context the way ops' bearer check does. */
class BroadcastApiTest {

    private static final String QIANJIANG = "429005000000";
    private static Vertx vertx;
    private static MongoStore mongo;
    private static HttpServer server;
    private static WebClient client;
    private static SmsSendRecorder recorder;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        MessageTypes.register(vertx.eventBus());
        mongo = TestStore.open();
        recorder = new SmsSendRecorder();
        recorder.attach(vertx);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        BroadcastEngine engine = new BroadcastEngine(mongo, new EngineOptions(new BroadcastOptions(zone, true, 0.05),
                new SenderOptions(2, 50, 5_000, Map.of(Channel.SMS, 500.0), zone), 50), Clock.systemUTC(), Map.of());
        vertx.deployVerticle(engine).await();
        Router root = Router.router(vertx);
        root.route("/api/*").handler(c -> {
            String[] who = c.request().getHeader("X-Test-User").split(",");
            c.put(Officer.CONTEXT_KEY, new Officer(who[0], who[1], who.length > 2 ? who[2] : null));
            c.next();
        }).subRouter(BroadcastApi.router(vertx, mongo, engine, Clock.systemUTC()));
        server = vertx.createHttpServer().requestHandler(root).listen(0, "127.0.0.1").await();
        client = WebClient.create(vertx);
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
        mongo.close();
    }

    private static HttpResponse<Buffer> call(HttpMethod method, String path, String user, String body) {
        var req = client.request(method, server.actualPort(), "127.0.0.1", "/api" + path).putHeader("X-Test-User", user);
        return (body == null ? req.send() : req.sendBuffer(Buffer.buffer(body))).await();
    }

    @Test
    void officerImportsTargetsSubmitsAndAReviewerApprovesThenProgressAndReportShowDelivery() {
        String editor = "wang,editor," + QIANJIANG;
        String reviewer = "li,reviewer," + QIANJIANG;
        String csv = "phone,name,lang,region,crops,channels\n"
                + "13800138001,张三,zh,429005100201,rapeseed,SMS\n"
                + "13800138002,李四,zh,429005100202,rapeseed,SMS\n"
                + "13800138003,Tom,en,429005100202,rice,SMS\n";
        HttpResponse<Buffer> imported = call(HttpMethod.POST, "/subscribers/import", editor, csv);
        assertEquals(200, imported.statusCode(), imported.bodyAsString());
        assertEquals(3, imported.bodyAsJsonObject().getInteger("created"));

        String audience = "{\"regions\":[\"429005100000\"],\"crops\":[\"rapeseed\"],\"langs\":[\"zh\"]}";
        HttpResponse<Buffer> count = call(HttpMethod.POST, "/audiences/count", editor, "{\"audience\":" + audience + "}");
        assertEquals(2, count.bodyAsJsonObject().getInteger("people"), count.bodyAsString());

        String draft = "{\"title\":\"追肥\",\"texts\":{\"zh\":\"油菜追肥提醒\"},\"channels\":[\"sms\"],\"audience\":" + audience
                + ",\"schedule\":{\"kind\":\"now\"},\"validFor\":\"PT6H\"}";
        HttpResponse<Buffer> created = call(HttpMethod.POST, "/broadcasts", editor, draft);
        assertEquals(201, created.statusCode(), created.bodyAsString());
        String id = created.bodyAsJsonObject().getString("id");

        JsonObject estimate = call(HttpMethod.GET, "/broadcasts/" + id + "/estimate", editor, null).bodyAsJsonObject();
        assertEquals(2, estimate.getInteger("smsParts"));

        assertEquals("SUBMITTED", call(HttpMethod.POST, "/broadcasts/" + id + "/submit", editor, null).bodyAsJsonObject().getString("state"));
        assertEquals(403, call(HttpMethod.POST, "/broadcasts/" + id + "/approve", "wang,reviewer," + QIANJIANG, null).statusCode());
        assertEquals("SCHEDULED", call(HttpMethod.POST, "/broadcasts/" + id + "/approve", reviewer, null).bodyAsJsonObject().getString("state"));

        Await.until(() -> "DONE".equals(call(HttpMethod.GET, "/broadcasts/" + id, editor, null).bodyAsJsonObject().getString("state")));
        JsonObject progress = call(HttpMethod.GET, "/broadcasts/" + id + "/occurrences/1/progress", editor, null).bodyAsJsonObject();
        assertEquals(2, progress.getInteger("total"));
        assertEquals(2, progress.getJsonObject("byState").getInteger("SUBMITTED"));
        HttpResponse<Buffer> report = call(HttpMethod.GET, "/broadcasts/" + id + "/occurrences/1/report.csv", editor, null);
        assertTrue(report.bodyAsString().contains("+8613800138001,SMS,429005100201,zh,submitted,"), report.bodyAsString());
        assertEquals(2, recorder.sent());
    }

    @Test
    void officersActOnlyInsideTheirRegion() {
        String wuhanAudience = "{\"regions\":[\"420102000000\"]}";
        String draft = "{\"title\":\"x\",\"texts\":{\"zh\":\"x\"},\"channels\":[\"SMS\"],\"audience\":" + wuhanAudience
                + ",\"schedule\":{\"kind\":\"NOW\"}}";
        assertEquals(403, call(HttpMethod.POST, "/broadcasts", "wang,editor," + QIANJIANG, draft).statusCode());
        assertEquals(403, call(HttpMethod.POST, "/audiences/count", "wang,editor," + QIANJIANG,
                "{\"audience\":" + wuhanAudience + "}").statusCode());
        assertEquals(422, call(HttpMethod.POST, "/subscribers/import", "wang,editor," + QIANJIANG,
                "phone,region\n13900000001,420102001001\n").statusCode());
        assertEquals(403, call(HttpMethod.POST, "/broadcasts", "zhao,viewer," + QIANJIANG,
                draft.replace("420102000000", "429005000000")).statusCode());
        assertEquals(400, call(HttpMethod.POST, "/broadcasts", "wang,editor," + QIANJIANG, "{not json").statusCode());
    }

    @Test
    void anOfficerCannotTakeOverOrSeeASubscriberOfAnotherArea() {
        String wuhan = "chen,editor,420102000000";
        String qianjiang = "wang,editor," + QIANJIANG;
        assertEquals(200, call(HttpMethod.POST, "/subscribers/import", wuhan, "phone,region\n13900000101,420102001001\n").statusCode());

        String moveToQianjiang = "{\"regionCode\":\"429005100201\",\"channels\":[\"SMS\"]}";
        assertEquals(403, call(HttpMethod.PUT, "/subscribers/13900000101", qianjiang, moveToQianjiang).statusCode());
        HttpResponse<Buffer> imported = call(HttpMethod.POST, "/subscribers/import", qianjiang,
                "phone,region\n13900000102,429005100201\n13900000101,429005100201\n");
        assertEquals(422, imported.statusCode());
        assertTrue(imported.bodyAsString().contains("outside your area"), imported.bodyAsString());
        assertEquals(404, call(HttpMethod.GET, "/subscribers/13900000102", qianjiang, null).statusCode(), "nothing imported");
        assertEquals(404, call(HttpMethod.GET, "/subscribers/13900000101", qianjiang, null).statusCode());
        assertEquals("420102001001", call(HttpMethod.GET, "/subscribers/13900000101", wuhan, null).bodyAsJsonObject().getString("regionCode"));
    }

    @Test
    void aSubscriberWithoutRegionIsSeenOnlyByHubOrProvinceOfficers() {
        assertEquals(200, call(HttpMethod.PUT, "/subscribers/13900000201", "root,admin", "{\"channels\":[\"SMS\"]}").statusCode());
        assertEquals(404, call(HttpMethod.GET, "/subscribers/13900000201", "wang,editor," + QIANJIANG, null).statusCode());
        assertEquals(200, call(HttpMethod.GET, "/subscribers/13900000201", "hu,editor,420000000000", null).statusCode());
        assertEquals(200, call(HttpMethod.GET, "/subscribers/13900000201", "root,admin", null).statusCode());
    }

    @Test
    void aTextLongerThanTheSmsChannelSendsIsRefusedInsteadOfCut() {
        String editor = "wang,editor," + QIANJIANG;
        String fits = "油".repeat(4 * 67);    // 4 parts: the default smpp.max-parts
        String draft = "{\"title\":\"长\",\"texts\":{\"zh\":\"%s\"},\"channels\":[\"SMS\"],"
                + "\"audience\":{\"regions\":[\"429005100000\"]},\"schedule\":{\"kind\":\"NOW\"}}";
        assertEquals(201, call(HttpMethod.POST, "/broadcasts", editor, String.format(draft, fits)).statusCode());
        HttpResponse<Buffer> tooLong = call(HttpMethod.POST, "/broadcasts", editor, String.format(draft, fits + "菜"));
        assertEquals(400, tooLong.statusCode(), tooLong.bodyAsString());
        assertTrue(tooLong.bodyAsString().contains("needs 5 SMS parts, at most 4"), tooLong.bodyAsString());
        String gsm = "x".repeat(4 * 153 + 1);
        assertEquals(400, call(HttpMethod.POST, "/broadcasts", editor, String.format(draft, gsm)).statusCode());
    }
}
