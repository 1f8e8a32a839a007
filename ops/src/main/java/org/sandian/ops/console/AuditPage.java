package org.sandian.ops.console;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.sandian.content.audit.AuditLog;
import org.sandian.content.audit.AuditRecord;
import org.sandian.content.model.RegionCode;
import org.sandian.ops.auth.Officer;
import org.sandian.ops.auth.Role;

/**
 * The audit trail, filtered by officer, action and day. Read-only by construction: there is no
 * route that changes an audit record. Officers see the records of their own region subtree.
 */
final class AuditPage {

    private final Vertx vertx;
    private final AuditLog audit;
    private final View view;
    private final ZoneId zone;

    AuditPage(Vertx vertx, AuditLog audit, View view, ZoneId zone) {
        this.vertx = vertx;
        this.audit = audit;
        this.view = view;
        this.zone = zone;
    }

    void mount(Router r) {
        r.get("/audit").handler(this::page);
    }

    private void page(RoutingContext ctx) {
        Officer officer = ctx.get(Officer.CONTEXT_KEY);
        if (!officer.is(Role.ADMIN, Role.REVIEWER)) {
            view.render(ctx, 403, "message", new JsonObject().put("message", "only admins and reviewers read the audit trail"));
            return;
        }
        String actor = blankToNull(ctx.queryParams().get("actor"));
        String action = blankToNull(ctx.queryParams().get("action"));
        String day = blankToNull(ctx.queryParams().get("day"));
        LocalDate date;
        try {
            date = day == null ? null : LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            view.render(ctx, 400, "message", new JsonObject().put("message", "day must look like 2026-11-22"));
            return;
        }
        vertx.executeBlocking(() -> audit.find(actor, action,
                date == null ? null : date.atStartOfDay(zone).toInstant(),
                date == null ? null : date.plusDays(1).atStartOfDay(zone).toInstant(), 500), false)
                .onSuccess(records -> view.render(ctx, "audit", new JsonObject()
                        .put("records", Models.list(records.stream().filter(rec -> visible(officer, rec)).toList()))
                        .put("actor", actor == null ? "" : actor).put("action", action == null ? "" : action)
                        .put("day", day == null ? "" : day)))
                .onFailure(ctx::fail);
    }

    private static boolean visible(Officer officer, AuditRecord r) {
        return r.region() == null ? RegionCode.levelOf(officer.regionCode()) == org.sandian.content.model.RegionLevel.PROVINCE
                || officer.role() == Role.ADMIN
                : RegionCode.isWithin(r.region(), officer.regionCode());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
