package org.sandian.channels.voice.agi;

import java.time.Duration;
import java.time.Instant;
import org.sandian.content.bus.PhoneMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's trail in the log, for statistics: start (caller masked), every step, the end with its
 * outcome and duration. Logger {@code sandian.voice.calls}.
 */
public final class CallLog {

    static final Logger LOG = LoggerFactory.getLogger("sandian.voice.calls");

    private final String id;
    private final String script;
    private final Instant started = Instant.now();
    private int steps;
    private boolean ended;

    public CallLog(String id, String script, String caller) {
        this.id = id;
        this.script = script;
        LOG.info("call {} {} start caller={}", id, script, PhoneMask.mask(caller));
    }

    public void step(String what) {
        steps++;
        LOG.info("call {} {} step {} {}", id, script, steps, what);
    }

    public void end(String outcome) {
        if (ended) return;
        ended = true;
        LOG.info("call {} {} end {} steps={} seconds={}", id, script, outcome, steps,
                Duration.between(started, Instant.now()).toMillis() / 1000.0);
    }

    public String id() {
        return id;
    }

    public int steps() {
        return steps;
    }
}
