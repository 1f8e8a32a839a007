package org.sandian.channels.voice;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** What the call log wrote (logger {@code sandian.voice.calls}), for asserting on statistics lines. */
final class CallTrail implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger("sandian.voice.calls");
    private final List<String> messages = new CopyOnWriteArrayList<>();
    /** Calls log from their own threads while a test reads: a thread-safe list. */
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            messages.add(e.getFormattedMessage());
        }
    };

    CallTrail() {
        appender.start();
        logger.addAppender(appender);
    }

    List<String> lines(String callId) {
        return messages.stream().filter(l -> l.startsWith("call " + callId + " ")).toList();
    }

    /** Waits briefly for the call's end line (the script logs it after the last command). */
    String end(String callId) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            for (String l : lines(callId)) if (l.contains(" end ")) return l;
            Thread.sleep(20);
        }
        throw new AssertionError("call " + callId + " never logged its end: " + lines(callId));
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
