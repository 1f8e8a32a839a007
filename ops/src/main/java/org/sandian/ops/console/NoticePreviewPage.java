package org.sandian.ops.console;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import java.util.List;
import org.sandian.channels.sms.codec.MtSplitter;
import org.sandian.channels.sms.dialogue.SmsRenderer;
import org.sandian.content.answer.Answer;
import org.sandian.content.answer.Channel;
import org.sandian.content.answer.Intent;
import org.sandian.content.answer.Query;
import org.sandian.content.editing.ContentDesk;
import org.sandian.content.editing.ContentKind;
import org.sandian.content.editing.Revision;
import org.sandian.content.model.Lang;
import org.sandian.content.model.Notice;
import org.sandian.ops.auth.Officer;

/**
 * How the latest version of a notice will read on each channel before it is published: the SMS
 * a farmer gets (rendered by the SMS channel's own renderer) with its part count per language,
 * and the public web page's address once it is live.
 */
final class NoticePreviewPage implements ConsolePage {

    private final Vertx vertx;
    private final ContentDesk desk;
    private final View view;
    private final SmsRenderer sms;

    NoticePreviewPage(Vertx vertx, ContentDesk desk, View view, ZoneId zone) {
        this.vertx = vertx;
        this.desk = desk;
        this.view = view;
        this.sms = new SmsRenderer(zone);
    }

    @Override
    public void mount(Router r) {
        r.get("/content/notice/:id/preview").handler(this::preview);
    }

    private void preview(RoutingContext ctx) {
        Officer officer = ctx.get(Officer.CONTEXT_KEY);
        String id = ctx.pathParam("id");
        vertx.executeBlocking(() -> {
            Revision r = desk.latest(ContentKind.NOTICE, id);
            if (r == null || !desk.mayRead(Editors.of(officer), r)) return null;
            Notice n = (Notice) desk.recordOf(r);
            JsonArray channels = new JsonArray();
            for (Lang lang : Lang.values()) {
                String text = sms.render(new Answer.Notices(lang, null, List.of(n)),
                        Query.of(Intent.NOTICES, "", lang, Channel.SMS));
                channels.add(new JsonObject().put("lang", lang.code()).put("sms", text).put("chars", text.length())
                        .put("parts", MtSplitter.partsNeeded(text)));
            }
            return new JsonObject().put("id", id).put("version", r.version()).put("status", r.status().name())
                    .put("previews", channels).put("web", "/notices/" + id);
        }, false).onSuccess(m -> {
            if (m == null) view.render(ctx, 404, "message", new JsonObject().put("message", "no notice " + id + " in your region"));
            else view.render(ctx, "notice-preview", m);
        }).onFailure(ctx::fail);
    }
}
