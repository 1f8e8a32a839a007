package org.sandian.content.answer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.sandian.content.model.Commodity;
import org.sandian.content.model.Guidance;
import org.sandian.content.model.Lang;
import org.sandian.content.model.RegionCode;
import org.sandian.content.names.Resolution;
import org.sandian.content.names.TextNormalizer;
import org.sandian.content.snapshot.ContentSnapshot;

/**
 * Answers what farmers ask about published content: prices, guidance, notices, help. Pure and
 * fast: it reads only the current in-memory snapshot, so every channel can call it per message.
 * Actions (subscribe, ask...) are not its business: {@link HubAnswerService} routes those.
 */
public final class AnswerEngine {

    private final Supplier<ContentSnapshot> snapshot;
    private final Clock clock;
    private final ZoneId zone;

    public AnswerEngine(Supplier<ContentSnapshot> snapshot, Clock clock, ZoneId zone) {
        this.snapshot = snapshot;
        this.clock = clock;
        this.zone = zone;
    }

    /** {@code q.lang()} must be settled by the caller (query, profile or hub default). */
    public Answer answer(Query q) {
        ContentSnapshot s = snapshot.get();
        return switch (q.intent()) {
            case PRICE -> prices(s, q, q.intent());
            case GUESS -> prices(s, q, Intent.GUESS);
            case GUIDANCE -> tips(s, q);
            case NOTICES -> new Answer.Notices(q.lang(), q.region(), s.noticesFor(q.region(), today()));
            case HELP -> new Answer.Help(q.lang());
            default -> throw new IllegalArgumentException("not a content question: " + q.intent());
        };
    }

    /** "玉米 白沙洲", "玉米白沙洲": the commodity named first, and the words left over (a market, a place). */
    TermParser.Parsed commodityAndRest(String words) {
        return TermParser.parse(snapshot.get(), words);
    }

    /** Resolves a commodity by any of its names, for actions such as "SUB PRICE MAIZE". */
    public Resolution<Commodity> commodity(String words) {
        return TermParser.parse(snapshot.get(), words).commodity();
    }

    /**
     * Resolves a place (market or region) by name or by its 12-digit code. Markets are also found
     * by a part of their long names ("白沙洲", "baishazhou"), before any guess by edit distance.
     */
    public Resolution<Candidate> place(String words) {
        ContentSnapshot s = snapshot.get();
        String folded = TextNormalizer.fold(words);
        if (RegionCode.isValid(folded) && s.region(folded) != null) {
            return new Resolution.Found<>(new Candidate(Candidate.Kind.REGION, folded, s.region(folded).name()),
                    Resolution.How.EXACT);
        }
        Resolution<Candidate> named = s.placeNames().resolve(words);
        if (named instanceof Resolution.Found<Candidate> f && f.how() != Resolution.How.FUZZY) return named;
        if (named instanceof Resolution.Ambiguous<Candidate> a && a.how() != Resolution.How.FUZZY) return named;
        List<Candidate> markets = marketsNamedWith(s, folded);
        if (markets.size() == 1) return new Resolution.Found<>(markets.get(0), Resolution.How.FUZZY);
        if (markets.size() > 1) return new Resolution.Ambiguous<>(markets, Resolution.How.FUZZY);
        return named;
    }

    /** Markets whose name contains {@code folded}: two Chinese characters or four letters at least. */
    private static List<Candidate> marketsNamedWith(ContentSnapshot s, String folded) {
        int needed = TextNormalizer.hasHan(folded) ? 2 : 4;
        if (folded.codePointCount(0, folded.length()) < needed) return List.of();
        return s.markets().stream()
                .filter(m -> TextNormalizer.fold(m.name().zh()).contains(folded)
                        || TextNormalizer.fold(m.name().en()).contains(folded))
                .map(m -> new Candidate(Candidate.Kind.MARKET, m.id(), m.name()))
                .toList();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private Answer prices(ContentSnapshot s, Query q, Intent asked) {
        TermParser.Parsed parsed = TermParser.parse(s, q.terms());
        if (parsed.commodity() instanceof Resolution.Found<Commodity> f) {
            return pricesOf(s, q, f.item(), parsed.rest());
        }
        return unresolved(q, asked, Intent.PRICE, parsed.commodity());
    }

    private Answer pricesOf(ContentSnapshot s, Query q, Commodity commodity, String placeWords) {
        Candidate place = placeIn(placeWords);
        List<PriceRow> rows = s.latestPrices(commodity.code());
        String near = place != null ? regionOf(s, place) : q.region();
        if (place != null && place.kind() == Candidate.Kind.MARKET) {
            String id = place.code();
            rows = rows.stream().sorted(Comparator.comparing(r -> !r.market().id().equals(id))).toList();
        } else if (near != null) {
            rows = rows.stream().sorted(Comparator.comparingInt((PriceRow r) -> -sharedDigits(r.market().regionCode(), near)))
                    .toList();
        }
        if (place != null) {
            String within = near;
            List<PriceRow> inPlace = rows.stream()
                    .filter(r -> RegionCode.isWithin(r.market().regionCode(), within)).toList();
            if (!inPlace.isEmpty()) rows = inPlace;
        }
        return new Answer.Prices(q.lang(), commodity, place, rows);
    }

    /**
     * The place the words name, or null. Several words that do not name one place together
     * ("潜江 熊口", "in wuhan"): the last word that does, since farmers go from large to small.
     */
    private Candidate placeIn(String words) {
        if (words.isBlank()) return null;
        if (place(words) instanceof Resolution.Found<Candidate> f) return f.item();
        String[] each = words.split(" ");
        for (int i = each.length - 1; i >= 0 && each.length > 1; i--) {
            if (place(each[i]) instanceof Resolution.Found<Candidate> f) return f.item();
        }
        return null;
    }

    private static String regionOf(ContentSnapshot s, Candidate place) {
        return place.kind() == Candidate.Kind.MARKET ? s.market(place.code()).regionCode() : place.code();
    }

    /** How many leading digits two region codes share: more means nearer. */
    private static int sharedDigits(String a, String b) {
        int n = 0;
        while (n < Math.min(a.length(), b.length()) && a.charAt(n) == b.charAt(n)) n++;
        return n;
    }

    private Answer tips(ContentSnapshot s, Query q) {
        TermParser.Parsed parsed = TermParser.parse(s, q.terms());
        if (parsed.commodity() instanceof Resolution.Found<Commodity> f) {
            return tipsFor(s, q, f.item(), parsed.rest());
        }
        return unresolved(q, Intent.GUIDANCE, Intent.GUIDANCE, parsed.commodity());
    }

    private Answer tipsFor(ContentSnapshot s, Query q, Commodity crop, String topic) {
        String season = Seasons.of(today());
        String wanted = TextNormalizer.fold(topic);
        Comparator<Guidance> order = Comparator
                .comparing((Guidance g) -> !wanted.isEmpty() && !topicMatches(g, wanted))
                .thenComparingInt(g -> Seasons.distance(season, g.season()))
                .thenComparing(Guidance::id);
        List<Guidance> items = s.guidanceFor(crop.code(), q.region()).stream().sorted(order).toList();
        return new Answer.Tips(q.lang(), crop, topic.isBlank() ? null : topic, items);
    }

    private static boolean topicMatches(Guidance g, String wanted) {
        // "pests" should find "Pest control": an English plural s is dropped before comparing.
        String stem = !TextNormalizer.hasHan(wanted) && wanted.length() > 3 && wanted.endsWith("s")
                ? wanted.substring(0, wanted.length() - 1) : wanted;
        for (Lang l : Lang.values()) {
            String topic = TextNormalizer.fold(g.topic().in(l));
            if (topic.contains(stem) || wanted.contains(topic)) return true;
        }
        return false;
    }

    /** Several commodities fit: let the farmer choose. None fits: offer the nearest, if any. */
    private static Answer unresolved(Query q, Intent asked, Intent suggested, Resolution<Commodity> r) {
        if (r instanceof Resolution.Ambiguous<Commodity> a) {
            return new Answer.Choose(q.lang(), q.terms(), candidates(a.candidates()));
        }
        Commodity nearest = ((Resolution.Unknown<Commodity>) r).nearest();
        return new Answer.NotFound(q.lang(), asked, q.terms(), suggested, nearest == null ? null : candidate(nearest));
    }

    private static List<Candidate> candidates(List<Commodity> commodities) {
        return commodities.stream().map(AnswerEngine::candidate).toList();
    }

    private static Candidate candidate(Commodity c) {
        return new Candidate(Candidate.Kind.COMMODITY, c.code(), c.name());
    }
}
