package org.sandian.channels.sms.mt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.sandian.channels.sms.mt.OrphanReceipts.Orphan;

/**
 * Which queued parts of a dead run's MTs the SMSC already took, told by orphan receipts. The
 * receipt's handset must be the MT's and its text start, where the SMSC kept it readable ('?'
 * stands for what it could not), the part's. When the text cannot tell parts apart, the lowest
 * candidate part is taken (parts go in order), but only when one MT to that handset could own it:
 * between two, none is chosen, since sending twice is better than not sending at all.
 */
final class OrphanMatcher {

    /** The handset's last digits: with or without country code or "+", the same phone. */
    private static final int HANDSET_DIGITS = 9;
    private static final Pattern NOT_DIGIT = Pattern.compile("[^0-9]");

    record Match(Mt mt, int part, Orphan orphan) {
    }

    private OrphanMatcher() {
    }

    /** Matches orphans, oldest first, to the candidate parts; each part and each orphan at most once. */
    static List<Match> match(List<MtOutbox.Job> candidates, List<Orphan> orphans) {
        // handset -> MT -> its candidate parts, lowest first
        Map<String, Map<Mt, TreeSet<Integer>>> byHandset = new HashMap<>();
        for (MtOutbox.Job job : candidates) {
            byHandset.computeIfAbsent(handset(job.mt().to), k -> new LinkedHashMap<>())
                    .computeIfAbsent(job.mt(), k -> new TreeSet<>()).add(job.part());
        }
        List<Match> matches = new ArrayList<>();
        for (Orphan o : orphans) {
            String key = handset(o.receipt().from());
            if (key.isEmpty()) continue;
            Map<Mt, Integer> owners = new LinkedHashMap<>();
            for (Map.Entry<Mt, TreeSet<Integer>> e : byHandset.getOrDefault(key, Map.of()).entrySet()) {
                for (int part : e.getValue()) {
                    if (textFits(e.getKey().parts.get(part).text(), o.receipt().text())) {
                        owners.put(e.getKey(), part);
                        break;
                    }
                }
            }
            if (owners.size() != 1) continue;
            Map.Entry<Mt, Integer> only = owners.entrySet().iterator().next();
            byHandset.get(key).get(only.getKey()).remove(only.getValue());
            matches.add(new Match(only.getKey(), only.getValue(), o));
        }
        return matches;
    }

    /** True when the SMSC's copy of the text start can be this part's ('?' for what it could not show). */
    static boolean textFits(String partText, String snippet) {
        if (snippet == null || snippet.isEmpty()) return true;
        String text = partText == null ? "" : partText;
        int n = Math.min(text.length(), snippet.length());
        if (n == 0) return false;
        for (int i = 0; i < n; i++) {
            char s = snippet.charAt(i);
            if (s != '?' && s != text.charAt(i)) return false;
        }
        return true;
    }

    static String handset(String phone) {
        if (phone == null) return "";
        String digits = NOT_DIGIT.matcher(phone).replaceAll("");
        return digits.length() <= HANDSET_DIGITS ? digits : digits.substring(digits.length() - HANDSET_DIGITS);
    }
}
