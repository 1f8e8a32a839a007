package org.sandian.ops.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One line when a hub joins or leaves the cluster: what an operator looks for after a node died. */
public final class MemberLog implements MembershipListener {

    private static final Logger log = LoggerFactory.getLogger(MemberLog.class);

    @Override
    public void memberAdded(MembershipEvent e) {
        log.info("cluster: member {} joined, {} member(s)", e.getMember().getAddress(), e.getMembers().size());
    }

    @Override
    public void memberRemoved(MembershipEvent e) {
        log.warn("cluster: member {} left, {} member(s); the broadcast chunks it held are taken over once their "
                + "leases expire", e.getMember().getAddress(), e.getMembers().size());
    }
}
