package org.sandian.ops.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.sandian.channels.sms.SmsOptions;
import org.sandian.ops.config.ChannelSettings;
import org.sandian.channels.sms.sim.SimOptions;
import org.sandian.channels.sms.sim.SmscSimulator;

/**
 * For {@code sandian demo} without an SMSC: the in-repo simulator on a free loopback port, so the
 * demo hub answers SMS end to end (the console's phone simulator texts through it).
 */
final class DemoSmsc {

    private DemoSmsc() {
    }

    static SmscSimulator start() {
        try {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort(); // jSMPP cannot report a port chosen by the OS (STACK-NOTES)
            }
            return SmscSimulator.start(SimOptions.on(port));
        } catch (IOException e) {
            throw new UncheckedIOException("demo SMSC simulator did not start", e);
        }
    }

    static SmsOptions optionsFor(SmscSimulator sim, ChannelSettings channels) {
        SimOptions defaults = SimOptions.on(sim.port());
        return channels.sms("127.0.0.1", sim.port(), defaults.systemId(), defaults.password());
    }
}
