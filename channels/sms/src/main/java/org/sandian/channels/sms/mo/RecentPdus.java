package org.sandian.channels.sms.mo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells a deliver_sm the SMSC sends again (its deliver_sm_resp was lost with the connection) from
 * the farmer texting the same words twice. SMPP gives MO no id, so: the same bytes from the same
 * number count as a re-delivery only when they first came on a session that has since died, no
 * more than {@code graceMillis} before it died. The same text twice on a live session is two
 * messages. Kept in memory: after a hub crash a re-delivered MO is stored a second time.
 */
public final class RecentPdus {

    private record Seen(String session, long at) {
    }

    private final long graceMillis;
    private final Map<String, Long> closedAt = new ConcurrentHashMap<>();
    private final Map<String, Seen> seen = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
            return size() > 200_000;
        }
    };

    public RecentPdus(long graceMillis) {
        this.graceMillis = graceMillis;
    }

    public void sessionClosed(String session, long at) {
        closedAt.putIfAbsent(session, at);
    }

    /** Records {@code fingerprint} as seen on {@code session}; true when it is a re-delivery. */
    public synchronized boolean redelivered(String fingerprint, String session, long now) {
        Seen before = seen.get(fingerprint);
        seen.put(fingerprint, new Seen(session, now));
        if (before == null || before.session().equals(session)) return false;
        Long died = closedAt.get(before.session());
        return died != null && before.at() >= died - graceMillis;
    }
}
