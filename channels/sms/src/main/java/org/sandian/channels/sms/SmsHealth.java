package org.sandian.channels.sms;

/**
 * What ops shows about the SMS channel.
 *
 * @param bindsUp      binds bound right now
 * @param bindsWanted  binds configured
 * @param queued       MTs waiting to be submitted (replies and bulk)
 * @param inFlight     submit_sm sent and not yet answered
 * @param moReceived   MO messages stored since start
 * @param mtSubmitted  MT parts accepted by the SMSC since start
 * @param mtFailed     MTs failed for good since start
 */
public record SmsHealth(int bindsUp, int bindsWanted, int queued, int inFlight,
                        long moReceived, long mtSubmitted, long mtFailed) {

    public boolean up() {
        return bindsUp > 0;
    }
}
