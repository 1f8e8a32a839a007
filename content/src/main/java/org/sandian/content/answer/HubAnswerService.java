package org.sandian.content.answer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.FarmerProfile;
import org.sandian.content.bus.PriceReport;
import org.sandian.content.bus.RecordCodec;
import org.sandian.content.bus.SubscriberCommand;
import org.sandian.content.bus.TicketCommand;
import org.sandian.content.model.Commodity;
import org.sandian.content.model.Lang;
import org.sandian.content.names.Resolution;
import org.sandian.content.names.TextNormalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer service behind {@link Addresses#ANSWER}: settles the farmer's language and region from
 * his profile, answers content questions from the {@link AnswerEngine}, and turns actions into
 * commands for the subscriber directory and the questions desk, with names already resolved.
 */
public final class HubAnswerService implements AnswerService {

    private static final Logger log = LoggerFactory.getLogger(HubAnswerService.class);
    /** What is reported, then the price: "玉米 白沙洲 1.25", "玉米白沙洲1.25元/公斤". */
    private static final Pattern REPORTED_PRICE = Pattern.compile("(.+?)\\s*([0-9]{1,6}(?:\\.[0-9]{1,3})?)\\s*(?:元.*|yuan.*)?",
            Pattern.CASE_INSENSITIVE);
    private static final long PROFILE_TIMEOUT_MS = 1_000;
    private static final long COMMAND_TIMEOUT_MS = 10_000;

    private final Vertx vertx;
    private final AnswerEngine engine;
    private final QueryLog queryLog;
    private final Lang defaultLang;

    public HubAnswerService(Vertx vertx, AnswerEngine engine, QueryLog queryLog, Lang defaultLang) {
        this.vertx = vertx;
        this.engine = engine;
        this.queryLog = queryLog;
        this.defaultLang = defaultLang;
    }

    @Override
    public Future<Answer> answer(Query query) {
        return profileOf(query.sender())
                .map(profile -> settle(query, profile))
                .compose(this::route)
                .recover(e -> {
                    log.warn("query {} failed: {}", query.intent(), e.toString());
                    return Future.succeededFuture(new Answer.Failed(lang(query, null), query.intent(), "unavailable"));
                })
                .onSuccess(answer -> queryLog.record(query, answer));
    }

    private Query settle(Query q, FarmerProfile profile) {
        Query settled = q.inLang(lang(q, profile));
        if (settled.region() == null && profile != null && profile.regionCode() != null) {
            settled = settled.inRegion(profile.regionCode());
        }
        return settled;
    }

    private Lang lang(Query q, FarmerProfile profile) {
        if (q.lang() != null) return q.lang();
        if (profile != null && profile.lang() != null) return profile.lang();
        return defaultLang;
    }

    private Future<Answer> route(Query q) {
        return switch (q.intent()) {
            case PRICE, GUESS, GUIDANCE, NOTICES, HELP -> Future.succeededFuture(engine.answer(q));
            case SUBSCRIBE -> subscribe(q);
            case UNSUBSCRIBE -> command(q, new SubscriberCommand(q.intent(), q.sender(), q.channel(), null, List.of(),
                    null, q.lang()));
            case LANGUAGE -> command(q, new SubscriberCommand(q.intent(), q.sender(), q.channel(), null, List.of(),
                    null, Lang.parse(q.terms(), q.lang())));
            case REGISTER -> register(q);
            case ASK, COMPLAIN, STATUS -> ticket(q, new TicketCommand(q.intent(), q.sender(), q.channel(), q.terms(),
                    null, q.region(), q.lang()));
            case REPORT -> report(q);
        };
    }

    private Future<Answer> subscribe(Query q) {
        List<String> words = words(q.terms());
        SubscriptionTopic topic = words.isEmpty() ? null : SubscriptionTopic.of(words.get(0));
        if (topic != null) words = words.subList(1, words.size());
        if (topic == null) topic = SubscriptionTopic.PRICE;
        if (topic == SubscriptionTopic.NOTICES) {
            return command(q, new SubscriberCommand(q.intent(), q.sender(), q.channel(), topic.key, List.of(),
                    q.region(), q.lang()));
        }
        String commodityWords = String.join(" ", words);
        Resolution<Commodity> r = engine.commodity(commodityWords);
        if (!(r instanceof Resolution.Found<Commodity> found)) {
            Intent suggested = topic == SubscriptionTopic.PRICE ? Intent.PRICE : Intent.GUIDANCE;
            return Future.succeededFuture(unresolved(q, r, suggested));
        }
        return command(q, new SubscriberCommand(q.intent(), q.sender(), q.channel(), topic.key,
                List.of(found.item().code()), q.region(), q.lang()));
    }

    /** "注册 <village name or code> [crops]": the place first, then any crops. */
    private Future<Answer> register(Query q) {
        List<String> words = words(q.terms());
        if (words.isEmpty()) return Future.succeededFuture(new Answer.NotFound(q.lang(), Intent.REGISTER, "", null, null));
        Resolution<Candidate> place = engine.place(words.get(0));
        if (place instanceof Resolution.Ambiguous<Candidate> a) {
            return Future.succeededFuture(new Answer.Choose(q.lang(), words.get(0), a.candidates()));
        }
        if (!(place instanceof Resolution.Found<Candidate> found) || found.item().kind() != Candidate.Kind.REGION) {
            return Future.succeededFuture(new Answer.NotFound(q.lang(), Intent.REGISTER, words.get(0), null, null));
        }
        List<String> crops = new ArrayList<>();
        for (String word : words.subList(1, words.size())) {
            if (engine.commodity(word) instanceof Resolution.Found<Commodity> crop) crops.add(crop.item().code());
        }
        return command(q, new SubscriberCommand(q.intent(), q.sender(), q.channel(), null, crops,
                found.item().code(), q.lang()));
    }

    /**
     * "报价 玉米 白沙洲 1.25" (a unit after the number is allowed): commodity, market, price. The
     * number is read from the raw text, as folding drops its decimal point; the reporter's number
     * is checked where the report is served.
     */
    private Future<Answer> report(Query q) {
        if (q.sender() == null) return Future.succeededFuture(new Answer.Failed(q.lang(), Intent.REPORT, "no-sender"));
        Matcher m = REPORTED_PRICE.matcher(q.terms() == null ? "" : q.terms().strip());
        if (!m.matches()) return Future.succeededFuture(new Answer.Failed(q.lang(), Intent.REPORT, "bad-report"));
        BigDecimal price = new BigDecimal(m.group(2));
        TermParser.Parsed named = engine.commodityAndRest(m.group(1));
        Resolution<Candidate> market = engine.place(named.rest());
        if (price.signum() <= 0 || !(named.commodity() instanceof Resolution.Found<Commodity> c)
                || !(market instanceof Resolution.Found<Candidate> place) || place.item().kind() != Candidate.Kind.MARKET) {
            return Future.succeededFuture(new Answer.Failed(q.lang(), Intent.REPORT, "bad-report"));
        }
        return request(Addresses.PRICE_REPORT, new PriceReport(q.sender(), c.item().code(), place.item().code(), price,
                q.lang()), PriceReport.class);
    }

    private Answer unresolved(Query q, Resolution<Commodity> r, Intent suggested) {
        if (r instanceof Resolution.Ambiguous<Commodity> a) {
            return new Answer.Choose(q.lang(), q.terms(), a.candidates().stream()
                    .map(c -> new Candidate(Candidate.Kind.COMMODITY, c.code(), c.name())).toList());
        }
        Commodity nearest = ((Resolution.Unknown<Commodity>) r).nearest();
        return new Answer.NotFound(q.lang(), q.intent(), q.terms(), suggested,
                nearest == null ? null : new Candidate(Candidate.Kind.COMMODITY, nearest.code(), nearest.name()));
    }

    private static List<String> words(String terms) {
        String clean = TextNormalizer.clean(terms);
        return clean.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(clean.split(" ")));
    }

    private Future<Answer> command(Query q, SubscriberCommand command) {
        if (q.sender() == null) return Future.succeededFuture(new Answer.Failed(q.lang(), q.intent(), "no-sender"));
        return request(Addresses.SUBSCRIBER_COMMAND, command, SubscriberCommand.class);
    }

    private Future<Answer> ticket(Query q, TicketCommand command) {
        return request(Addresses.TICKET_COMMAND, command, TicketCommand.class);
    }

    private Future<Answer> request(String address, Object body, Class<?> type) {
        DeliveryOptions options = RecordCodec.options(type).setSendTimeout(COMMAND_TIMEOUT_MS);
        return vertx.eventBus().<Answer>request(address, body, options).map(Message::body);
    }

    private Future<FarmerProfile> profileOf(String phone) {
        if (phone == null) return Future.succeededFuture(null);
        DeliveryOptions options = new DeliveryOptions().setSendTimeout(PROFILE_TIMEOUT_MS);
        return vertx.eventBus().<FarmerProfile>request(Addresses.PROFILE, phone, options)
                .map(Message::body)
                .otherwise(e -> null); // no directory on this node yet: answer without a profile
    }
}
