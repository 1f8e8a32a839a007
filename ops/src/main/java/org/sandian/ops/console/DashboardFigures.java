package org.sandian.ops.console;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;

import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sandian.broadcast.core.Broadcast;
import org.sandian.broadcast.outbox.BroadcastEngine;
import org.sandian.broadcast.outbox.EntryState;
import org.sandian.broadcast.outbox.Occurrence;
import org.sandian.broadcast.outbox.OutboxReports;
import org.sandian.broadcast.outbox.Progress;
import org.sandian.content.answer.Channel;
import org.sandian.content.answer.Intent;
import org.sandian.content.answer.MongoQueryLog;
import org.sandian.content.model.RegionCode;
import org.sandian.content.questions.Question;
import org.sandian.content.questions.QuestionStore;
import org.sandian.content.store.MongoStore;

/**
 * The figures behind the dashboard, read with bounded cursors (batch size and a limit on every
 * find) and counted here: the embedded store has no date truncation in aggregations. Blocking.
 *
 * @param scope a region subtree, or null for every region (province officers, like the inbox)
 */
final class DashboardFigures {

    static final int DAYS = 14;
    static final int MAX_QUERIES = 100_000;
    static final int MAX_QUESTIONS = 20_000;
    static final int BROADCASTS = 8;

    final List<String> days = new ArrayList<>();
    final Map<String, long[]> queriesByChannel = new LinkedHashMap<>();
    final long[] unansweredByDay = new long[DAYS];
    final Map<String, Long> topAsked = new LinkedHashMap<>();
    final List<MongoQueryLog.Entry> recentUnanswered = new ArrayList<>();
    final Map<String, Long> questions = new LinkedHashMap<>();
    final Map<String, Double> deliveredPercent = new LinkedHashMap<>();
    long queries;

    static DashboardFigures read(MongoStore store, BroadcastEngine engine, org.sandian.broadcast.core.Officer officer,
                                 String scope, ZoneId zone, Clock clock) {
        DashboardFigures f = new DashboardFigures();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate first = today.minusDays(DAYS - 1);
        for (int i = 0; i < DAYS; i++) f.days.add(first.plusDays(i).toString().substring(5));
        f.readQueries(store, scope, first.atStartOfDay(zone).toInstant(), first, zone);
        f.readQuestions(store, scope, clock.instant());
        f.readBroadcasts(engine, officer, clock);
        return f;
    }

    private void readQueries(MongoStore store, String scope, Instant since, LocalDate first, ZoneId zone) {
        Map<Channel, long[]> byChannel = new EnumMap<>(Channel.class);
        Map<String, Long> asked = new HashMap<>();
        var log = store.collection(MongoQueryLog.COLLECTION, MongoQueryLog.Entry.class);
        for (MongoQueryLog.Entry e : log.find(gte("at", since)).batchSize(1_000).limit(MAX_QUERIES)) {
            if (!inScope(e.region(), scope) || e.at() == null) continue;
            int day = (int) (e.at().atZone(zone).toLocalDate().toEpochDay() - first.toEpochDay());
            if (day < 0 || day >= DAYS) continue;
            queries++;
            if (e.channel() != null) byChannel.computeIfAbsent(e.channel(), c -> new long[DAYS])[day]++;
            if (!e.answered()) unansweredByDay[day]++;
            if (e.intent() == Intent.PRICE && e.terms() != null && !e.terms().isBlank()) {
                asked.merge(e.terms().trim().split("\\s+")[0], 1L, Long::sum);
            }
        }
        byChannel.forEach((c, v) -> queriesByChannel.put(c.name(), v));
        asked.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                .forEach(e -> topAsked.put(e.getKey(), e.getValue()));
        for (MongoQueryLog.Entry e : log.find(and(eq("answered", false), gte("at", since))).sort(Sorts.descending("at"))
                .batchSize(200).limit(200)) {
            if (inScope(e.region(), scope) && recentUnanswered.size() < 20) recentUnanswered.add(e);
        }
    }

    private void readQuestions(MongoStore store, String scope, Instant now) {
        long inTime = 0;
        long late = 0;
        long openOverdue = 0;
        long openInTime = 0;
        Instant since = now.minus(Duration.ofDays(30));
        for (Question q : store.collection(QuestionStore.COLLECTION, Question.class).find(gte("created", since))
                .batchSize(500).limit(MAX_QUESTIONS)) {
            if (!inScope(q.region(), scope)) continue;
            if (q.answeredAt() != null) {
                if (q.due() == null || !q.answeredAt().isAfter(q.due())) inTime++;
                else late++;
            } else if (q.closedAt() == null) {
                if (q.due() != null && q.due().isBefore(now)) openOverdue++;
                else openInTime++;
            }
        }
        questions.put("answeredInTime", inTime);
        questions.put("answeredLate", late);
        questions.put("openOverdue", openOverdue);
        questions.put("openInTime", openInTime);
    }

    private void readBroadcasts(BroadcastEngine engine, org.sandian.broadcast.core.Officer officer, Clock clock) {
        OutboxReports reports = new OutboxReports(engine.chunks(), engine.occurrences(), clock);
        List<Broadcast> fired = engine.service().list(officer).stream().filter(b -> b.fired() > 0)
                .sorted(Comparator.comparing(Broadcast::updatedAt).reversed()).limit(BROADCASTS).toList();
        for (Broadcast b : fired) {
            Progress p = reports.progress(Occurrence.idOf(b.id(), b.fired()));
            if (p == null || p.total() == 0) continue;
            deliveredPercent.put(b.title() + " #" + b.fired(),
                    Math.round(1000.0 * p.count(EntryState.DELIVERED) / p.total()) / 10.0);
        }
    }

    private static boolean inScope(String region, String scope) {
        return scope == null || (region != null && RegionCode.isWithin(region, scope));
    }
}
