package org.sandian.channels.sms.mt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sandian.channels.sms.mt.OrphanReceipts.Orphan;

/**
 * Which queued parts of a dead run's MTs the SMSC already took, told by orphan receipts. The
 * receipt's handset must be the MT's and its text start, where the SMSC kept it readable ('?'
 * stands for what it could not), the part's. When the text cannot tell parts apart, the lowest
 * unsent part is taken (parts go in order), but only when one MT to that handset could own it:
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

    static List<Match> match(List<Mt> suspects, List<Orphan> orphans) {
        Map<String, List<Mt>> byHandset = new HashMap<>();
        for (Mt mt : suspects) byHandset.computeIfAbsent(handset(mt.to), k -> new ArrayList<>()).add(mt);
        Set<String> taken = new HashSet<>();
        List<Match> matches = new ArrayList<>();
        for (Orphan o : orphans) {
            String key = handset(o.receipt().from());
            if (key.isEmpty()) continue;
            Map<Mt, Integer> owners = new LinkedHashMap<>();
            for (Mt mt : byHandset.getOrDefault(key, List.of())) {
                int part = firstFitting(mt, o.receipt().text(), taken);
                if (part >= 0) owners.put(mt, part);
            }
            if (owners.size() != 1) continue;
            Map.Entry<Mt, Integer> only = owners.entrySet().iterator().next();
            taken.add(only.getKey().id + "#" + only.getValue());
            matches.add(new Match(only.getKey(), only.getValue(), o));
        }
        return matches;
    }

    private static int firstFitting(Mt mt, String snippet, Set<String> taken) {
        synchronized (mt) {
            for (int i = 0; i < mt.parts.size(); i++) {
                if (mt.smscIds[i] != null || taken.contains(mt.id + "#" + i)) continue;
                if (textFits(mt.parts.get(i).text(), snippet)) return i;
            }
        }
        return -1;
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
