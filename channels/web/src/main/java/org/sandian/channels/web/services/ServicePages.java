package org.sandian.channels.web.services;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sandian.channels.web.WebOptions;
import org.sandian.channels.web.http.Csrf;
import org.sandian.channels.web.http.Page;
import org.sandian.channels.web.http.Responder;
import org.sandian.channels.web.http.Visitor;
import org.sandian.channels.web.pages.Site;
import org.sandian.channels.web.view.Messages;
import org.sandian.channels.web.view.Templates;
import org.sandian.content.answer.Answer;
import org.sandian.content.answer.AnswerService;
import org.sandian.content.answer.Channel;
import org.sandian.content.answer.Intent;
import org.sandian.content.answer.Query;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.OutboundSms;
import org.sandian.content.bus.PhoneMask;
import org.sandian.content.bus.RecordCodec;
import org.sandian.content.model.Lang;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services: subscribe, unsubscribe and ask, each proven by a one-time code sent by SMS to the
 * phone; and a ticket's status by number and phone. Every action is a {@link Query} to the answer
 * service with the verified phone as sender: the web holds no business logic of its own.
 */
public final class ServicePages {

    private static final Logger log = LoggerFactory.getLogger(ServicePages.class);
    static final Set<String> ACTIONS = Set.of("subscribe", "unsubscribe", "ask");
    /** The code's purpose when it unlocks a ticket's answer. */
    static final String STATUS = "status";
    static final Set<String> TOPICS = Set.of("price", "guidance", "notices");
    static final int MAX_QUESTION = 500;
    static final int MIN_QUESTION = 4;
    /** Until the web messages get a key for it (the templates and messages are another module's files). */
    private static final Map<Lang, String> ANSWER_HIDDEN = Map.of(
            Lang.ZH, "已有答复。为保护隐私，请通过发送到提问手机的验证码查看。",
            Lang.EN, "Answered. To protect your privacy, the answer is shown after a code sent to the asking phone.");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Vertx vertx;
    private final WebOptions options;
    private final Templates templates;
    private final Messages messages;
    private final AnswerService answers;
    private final Csrf csrf;
    private final OneTimeCodes codes;
    private final RateLimiter perPhone;
    private final RateLimiter perIp;
    private final RateLimiter statusPerIp;

    private final Site site;

    public ServicePages(Vertx vertx, Site site, AnswerService answers, Clock clock) {
        this.vertx = vertx;
        this.site = site;
        this.options = site.options();
        this.templates = site.templates();
        this.messages = site.messages();
        this.answers = answers;
        this.csrf = new Csrf(options.csrfSecret());
        this.codes = new OneTimeCodes(clock, options.codeTtl());
        this.perPhone = new RateLimiter(options.codesPerPhonePerHour(), Duration.ofHours(1), clock);
        this.perIp = new RateLimiter(options.codesPerIpPerHour(), Duration.ofHours(1), clock);
        // Its own budget at the same rate: looking up tickets does not use up the codes of an office's shared IP.
        this.statusPerIp = new RateLimiter(options.codesPerIpPerHour(), Duration.ofHours(1), clock);
    }

    public void index(RoutingContext ctx) {
        Visitor v = visitor(ctx);
        render(ctx, 200, "services", model(ctx, v, "services_title"));
    }

    /** GET /services/:action: the empty form (item may be prefilled from a price page's link). */
    public void form(RoutingContext ctx) {
        String action = ctx.pathParam("action");
        if (!ACTIONS.contains(action)) {
            ctx.next();
            return;
        }
        Map<String, String> values = new HashMap<>();
        String topic = ctx.request().getParam("topic");
        values.put("topic", topic != null && TOPICS.contains(topic) ? topic : "price");
        values.put("item", trimmed(ctx.request().getParam("item"), 40));
        showForm(ctx, action, values, null, 200);
    }

    /** POST /services/:action: checks the input, then sends a code and asks for it. */
    public void requestCode(RoutingContext ctx) {
        String action = ctx.pathParam("action");
        if (!ACTIONS.contains(action)) {
            ctx.next();
            return;
        }
        Visitor v = visitor(ctx);
        Map<String, String> values = input(ctx);
        if (!csrf.check(ctx, ctx.request().getFormAttribute(Csrf.FIELD))) {
            showForm(ctx, action, values, "err_expired", 400);
            return;
        }
        String phone = PhoneNumbers.e164(values.get("phone"));
        if (phone == null) {
            showForm(ctx, action, values, "err_phone", 400);
            return;
        }
        String invalid = invalid(action, values);
        if (invalid != null) {
            showForm(ctx, action, values, invalid, 400);
            return;
        }
        checkItem(action, values, v).onComplete(problem -> {
            if (problem.failed()) {
                showForm(ctx, action, values, "err_unavailable", 503);
            } else if (problem.result() != null) {
                showForm(ctx, action, values, problem.result(), 400);
            } else if (!perPhone.tryAcquire(phone) || !perIp.tryAcquire(ctx.request().remoteAddress().hostAddress())) {
                log.info("one-time code refused for {}: rate limit", PhoneMask.mask(phone));
                showForm(ctx, action, values, "err_rate", 429);
            } else {
                sendCode(ctx, v, action, phone, values);
            }
        });
    }

    /** POST /services/:action/confirm: checks the code, then does the action through the answer service. */
    public void confirm(RoutingContext ctx) {
        String action = ctx.pathParam("action");
        if (!ACTIONS.contains(action) && !STATUS.equals(action)) {
            ctx.next();
            return;
        }
        Visitor v = visitor(ctx);
        Map<String, String> values = input(ctx);
        String phone = PhoneNumbers.e164(values.get("phone"));
        if (!csrf.check(ctx, ctx.request().getFormAttribute(Csrf.FIELD)) || phone == null) {
            showForm(ctx, action, values, "err_expired", 400);
            return;
        }
        switch (codes.verify(phone, action, values.get("code"))) {
            case OK -> {
                if (STATUS.equals(action)) statusConfirmed(ctx, v, phone, values);
                else act(ctx, v, action, phone, values);
            }
            case WRONG -> showCode(ctx, action, values, "err_code", 400);
            default -> showForm(ctx, action, values, "err_code_expired", 400);
        }
    }

    public void statusForm(RoutingContext ctx) {
        Map<String, Object> m = model(ctx, visitor(ctx), "status_title");
        m.put("v", Map.of("ticket", trimmed(ctx.request().getParam("ticket"), 30), "phone", ""));
        render(ctx, 200, "status", m);
    }

    /**
     * POST /services/status: a ticket's state for its number and phone (limited per IP address, so
     * numbers cannot be tried in bulk). The officer's answer is shown only once the phone is proven
     * by a one-time code ({@link #confirm} with action "status"): knowing a number and a phone is not
     * enough to read someone's answer.
     */
    public void status(RoutingContext ctx) {
        Visitor v = visitor(ctx);
        Map<String, String> values = input(ctx);
        Map<String, Object> m = model(ctx, v, "status_title");
        m.put("v", values);
        String phone = PhoneNumbers.e164(values.get("phone"));
        String ticket = values.get("ticket");
        String ip = ctx.request().remoteAddress().hostAddress();
        String error = !csrf.check(ctx, ctx.request().getFormAttribute(Csrf.FIELD)) ? "err_expired"
                : phone == null ? "err_phone" : ticket.isEmpty() ? "err_ticket" : null;
        if (error != null) {
            m.put("error", error);
            render(ctx, 400, "status", m);
            return;
        }
        if (!statusPerIp.tryAcquire(ip)) {
            log.info("status look-up refused for {}: rate limit", ip);
            m.put("error", "err_rate");
            render(ctx, 429, "status", m);
            return;
        }
        lookUp(ticket, phone, v).onSuccess(a -> {
            if (!(a instanceof Answer.Ticket t)) {
                notFound(ctx, m, a);
                return;
            }
            if (t.answer() == null || t.answer().isBlank()) {
                m.put("ticket", ticketView(t, v.lang(), true)); // nothing to hide yet
                render(ctx, 200, "status", m);
            } else if (!perPhone.tryAcquire(phone) || !perIp.tryAcquire(ip)) {
                log.info("one-time code refused for {}: rate limit", PhoneMask.mask(phone));
                m.put("ticket", ticketView(t, v.lang(), false));
                m.put("error", "err_rate");
                render(ctx, 429, "status", m);
            } else {
                values.put("item", ticket); // carried through the code form's hidden field
                sendCode(ctx, v, "status", phone, values);
            }
        });
    }

    /** The ticket with its answer, once the phone's code is checked. */
    private void statusConfirmed(RoutingContext ctx, Visitor v, String phone, Map<String, String> values) {
        Map<String, Object> m = model(ctx, v, "status_title");
        values.put("ticket", values.get("item"));
        m.put("v", values);
        lookUp(values.get("item"), phone, v).onSuccess(a -> {
            if (!(a instanceof Answer.Ticket t)) {
                notFound(ctx, m, a);
                return;
            }
            log.info("web status of a ticket read by {}", PhoneMask.mask(phone));
            m.put("ticket", ticketView(t, v.lang(), true));
            render(ctx, 200, "status", m);
        });
    }

    private Future<Answer> lookUp(String ticket, String phone, Visitor v) {
        return answers.answer(new Query(Intent.STATUS, ticket, v.lang(), Channel.WEB, phone, v.region(), 1))
                .otherwise(e -> new Answer.Failed(v.lang(), Intent.STATUS, "unavailable"));
    }

    private void notFound(RoutingContext ctx, Map<String, Object> m, Answer a) {
        m.put("error", a instanceof Answer.Failed ? "err_unavailable" : "err_no_ticket");
        render(ctx, a instanceof Answer.Failed ? 503 : 404, "status", m);
    }

    private void sendCode(RoutingContext ctx, Visitor v, String action, String phone, Map<String, String> values) {
        String code = codes.issue(phone, action);
        String text = messages.get(v.lang(), "sms_code").replace("{code}", code)
                .replace("{minutes}", Long.toString(options.codeTtl().toMinutes()));
        DeliveryOptions delivery = RecordCodec.options(OutboundSms.class).setSendTimeout(5_000);
        vertx.eventBus().request(Addresses.SMS_SEND, new OutboundSms(null, phone, text, OutboundSms.Priority.REPLY, "otp"),
                delivery).onComplete(sent -> {
                    if (sent.failed()) {
                        log.warn("one-time code to {} not sent: {}", PhoneMask.mask(phone), sent.cause().toString());
                        showForm(ctx, action, values, "err_sms", 503);
                        return;
                    }
                    log.info("one-time code sent to {} for {}", PhoneMask.mask(phone), action);
                    values.put("phone", phone);
                    showCode(ctx, action, values, null, 200);
                });
    }

    private void act(RoutingContext ctx, Visitor v, String action, String phone, Map<String, String> values) {
        Query q = switch (action) {
            case "subscribe" -> new Query(Intent.SUBSCRIBE, values.get("topic") + " " + values.get("item"), v.lang(),
                    Channel.WEB, phone, v.region(), 1);
            case "unsubscribe" -> new Query(Intent.UNSUBSCRIBE, "", v.lang(), Channel.WEB, phone, v.region(), 1);
            default -> new Query(Intent.ASK, values.get("question"), v.lang(), Channel.WEB, phone, v.region(), 1);
        };
        answers.answer(q).otherwise(e -> new Answer.Failed(v.lang(), q.intent(), "unavailable")).onSuccess(a -> {
            Map<String, Object> m = model(ctx, v, action + "_title");
            m.put("action", action);
            m.put("v", values);
            if (a instanceof Answer.Done done) {
                m.put("done", true);
                m.put("subject", done.subject() == null ? "" : done.subject());
            } else if (a instanceof Answer.Ticket t) {
                m.put("ticket", ticketView(t, v.lang()));
            } else {
                m.put("error", a instanceof Answer.Failed ? "err_unavailable" : "err_item");
            }
            log.info("web {} for {}: {}", action, PhoneMask.mask(phone), a.getClass().getSimpleName());
            render(ctx, 200, "result", m);
        });
    }

    /** Before sending a code: the commodity to subscribe to must be one we know (the engine's resolution). */
    private Future<String> checkItem(String action, Map<String, String> values, Visitor v) {
        if (!"subscribe".equals(action) || "notices".equals(values.get("topic"))) return Future.succeededFuture();
        Intent intent = "guidance".equals(values.get("topic")) ? Intent.GUIDANCE : Intent.PRICE;
        return answers.answer(new Query(intent, values.get("item"), v.lang(), Channel.WEB, null, v.region(), 1))
                .map(a -> {
                    if (a instanceof Answer.Prices p) {
                        values.put("item", p.commodity().name().in(Lang.ZH));
                        return null;
                    }
                    if (a instanceof Answer.Tips t) {
                        values.put("item", t.crop().name().in(Lang.ZH));
                        return null;
                    }
                    if (a instanceof Answer.NotFound nf && nf.suggestion() != null) {
                        values.put("item", nf.suggestion().name().in(v.lang()));
                        return "err_item_suggest";
                    }
                    if (a instanceof Answer.Failed) throw new IllegalStateException("answer service unavailable");
                    return "err_item";
                });
    }

    private static String invalid(String action, Map<String, String> values) {
        if ("subscribe".equals(action)) {
            if (!TOPICS.contains(values.get("topic"))) values.put("topic", "price");
            if (!"notices".equals(values.get("topic")) && values.get("item").isEmpty()) return "err_item_missing";
        }
        if ("ask".equals(action)) {
            int n = values.get("question").codePointCount(0, values.get("question").length());
            if (n < MIN_QUESTION) return "err_question_short";
            if (n > MAX_QUESTION) return "err_question_long";
        }
        return null;
    }

    private Map<String, Object> ticketView(Answer.Ticket t, Lang lang) {
        return ticketView(t, lang, true);
    }

    /** @param withAnswer false: the answer stays hidden (the phone is not proven), only that there is one is said */
    private Map<String, Object> ticketView(Answer.Ticket t, Lang lang, boolean withAnswer) {
        Map<String, Object> m = new HashMap<>();
        m.put("number", t.number() == null ? "" : t.number());
        String state = t.state() == null ? "" : t.state();
        String label = messages.in(lang).get("state_" + state.toLowerCase());
        m.put("state", label == null ? state : label);
        String answer = t.answer() == null ? "" : t.answer();
        m.put("answer", withAnswer || answer.isEmpty() ? answer : ANSWER_HIDDEN.get(lang == Lang.EN ? Lang.EN : Lang.ZH));
        m.put("created", t.created() == null ? "" : WHEN.format(t.created().atZone(zone())));
        return m;
    }

    private ZoneId zone() {
        return options.zone();
    }

    private void showForm(RoutingContext ctx, String action, Map<String, String> values, String error, int status) {
        if (STATUS.equals(action)) {
            showStatusForm(ctx, values, error, status);
            return;
        }
        Map<String, Object> m = model(ctx, visitor(ctx), action + "_title");
        m.put("action", action);
        m.put("v", values);
        m.put("topics", List.of("price", "guidance", "notices"));
        if (error != null) m.put("error", error);
        render(ctx, status, "service", m);
    }

    /** The status form again (the ticket number came back through the code form's item field). */
    private void showStatusForm(RoutingContext ctx, Map<String, String> values, String error, int status) {
        Map<String, Object> m = model(ctx, visitor(ctx), "status_title");
        if (values.get("ticket").isEmpty()) values.put("ticket", values.get("item"));
        m.put("v", values);
        if (error != null) m.put("error", error);
        render(ctx, status, "status", m);
    }

    private void showCode(RoutingContext ctx, String action, Map<String, String> values, String error, int status) {
        Map<String, Object> m = model(ctx, visitor(ctx), action + "_title");
        m.put("action", action);
        m.put("v", values);
        m.put("minutes", options.codeTtl().toMinutes());
        if (error != null) m.put("error", error);
        render(ctx, status, "code", m);
    }

    private Visitor visitor(RoutingContext ctx) {
        return site.visitor(ctx);
    }

    private Map<String, Object> model(RoutingContext ctx, Visitor v, String titleKey) {
        Map<String, Object> m = site.model(ctx, v, messages.get(v.lang(), titleKey));
        m.put("csrf", csrf.token(ctx));
        return m;
    }

    private static Map<String, String> input(RoutingContext ctx) {
        Map<String, String> values = new HashMap<>();
        values.put("phone", trimmed(ctx.request().getFormAttribute("phone"), 20));
        values.put("topic", trimmed(ctx.request().getFormAttribute("topic"), 10));
        values.put("item", trimmed(ctx.request().getFormAttribute("item"), 40));
        values.put("question", trimmed(ctx.request().getFormAttribute("question"), MAX_QUESTION + 100));
        values.put("code", trimmed(ctx.request().getFormAttribute("code"), 10));
        values.put("ticket", trimmed(ctx.request().getFormAttribute("ticket"), 30));
        return values;
    }

    private static String trimmed(String s, int max) {
        if (s == null) return "";
        String t = s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }

    private void render(RoutingContext ctx, int status, String template, Map<String, Object> model) {
        templates.render(template, model)
                .onSuccess(p -> Responder.send(ctx, status, p, Responder.NO_STORE))
                .onFailure(e -> {
                    log.error("service page {} failed", template, e);
                    ctx.response().setStatusCode(500).putHeader("Content-Type", Page.TEXT)
                            .end(messages.get(Lang.ZH, "error_text"));
                });
    }
}
