package org.sandian.channels.sms.mo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the parts of concatenated MO, in any arrival order. A set is keyed by sender, recipient,
 * reference and total; a set still incomplete after the timeout is released with what arrived.
 */
public final class PartAssembler {

    /** One stored part. */
    public record Part(String partId, String setKey, String from, String to, int seq, int total, String text,
                       Instant at) {
    }

    /** A set released, complete or not. */
    public record Released(List<Part> parts, boolean complete) {

        public String text() {
            StringBuilder sb = new StringBuilder();
            for (Part p : parts) sb.append(p.text());
            return sb.toString();
        }

        public Part last() {
            Part last = parts.get(0);
            for (Part p : parts) if (p.at().isAfter(last.at())) last = p;
            return last;
        }
    }

    private final Map<String, Part[]> sets = new HashMap<>();
    private final Map<String, Instant> started = new HashMap<>();

    public static String setKey(String from, String to, int ref, int total) {
        return from + "|" + to + "|" + ref + "|" + total;
    }

    /** Adds a part; returns the whole set once its last part arrived, else null. */
    public synchronized Released add(Part part) {
        Part[] parts = sets.computeIfAbsent(part.setKey(), k -> new Part[part.total()]);
        started.putIfAbsent(part.setKey(), part.at());
        if (parts[part.seq() - 1] != null && !parts[part.seq() - 1].partId().equals(part.partId())) {
            // the same seq again: a new message reusing the reference while the old set waits;
            // release the old set as it is and start over
            Released old = release(part.setKey(), false);
            Released now = add(part);
            return now != null ? now : old;
        }
        parts[part.seq() - 1] = part;
        for (Part p : parts) if (p == null) return null;
        return release(part.setKey(), true);
    }

    /** Releases every set started before {@code cutoff}. */
    public synchronized List<Released> expire(Instant cutoff) {
        List<Released> out = new ArrayList<>();
        for (String key : new ArrayList<>(started.keySet())) {
            if (started.get(key).isBefore(cutoff)) out.add(release(key, false));
        }
        return out;
    }

    public synchronized int pendingSets() {
        return sets.size();
    }

    private Released release(String key, boolean complete) {
        Part[] parts = sets.remove(key);
        started.remove(key);
        List<Part> present = new ArrayList<>();
        for (Part p : parts) if (p != null) present.add(p);
        return new Released(present, complete);
    }
}
