package org.sandian.ops.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

/** The hub's own logback.xml: text by default, JSON lines with SANDIAN_LOG_FORMAT=json, the correlation id in both. */
class LogLinesTest {

    /** Logs two events through a fresh context configured from ops' logback.xml; returns the lines on stderr. */
    static List<String> logWith(String format) throws Exception {
        LoggerContext context = new LoggerContext();
        // Share the MDC that org.slf4j.MDC writes to.
        context.setMDCAdapter(MDC.getMDCAdapter());
        if (format != null) context.putProperty("SANDIAN_LOG_FORMAT", format);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            configurator.doConfigure(Path.of("src/main/resources/logback.xml").toFile());
            Logger log = context.getLogger("org.sandian.channels.sms.MoIntake");
            try (MDC.MDCCloseable cid = MDC.putCloseable("cid", "mo-7f3a")) {
                log.info("MO from {} \"价格 玉米\" answered in {} ms", "138****8000", 42);
            }
            log.warn("no correlation here");
            context.stop();
        } finally {
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void jsonFormatWritesOneValidJsonObjectPerEventWithMessageAndCorrelationId() throws Exception {
        List<String> lines = logWith("json");
        assertEquals(2, lines.size(), String.join("\n", lines));
        JsonObject first = new JsonObject(lines.get(0));
        assertEquals("MO from 138****8000 \"价格 玉米\" answered in 42 ms", first.getString("formattedMessage"));
        assertEquals("mo-7f3a", first.getJsonObject("mdc").getString("cid"));
        assertEquals("INFO", first.getString("level"));
        assertEquals("org.sandian.channels.sms.MoIntake", first.getString("loggerName"));
        assertTrue(first.getLong("timestamp") > 0);
        JsonObject second = new JsonObject(lines.get(1));
        assertEquals("no correlation here", second.getString("formattedMessage"));
        assertTrue(second.getJsonObject("mdc") == null || !second.getJsonObject("mdc").containsKey("cid"), lines.get(1));
    }

    @Test
    void textIsTheDefaultWithTheCorrelationIdOnEachLine() throws Exception {
        List<String> lines = logWith(null);
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z INFO  \\[.+] MoIntake cid=mo-7f3a MO from 138\\*{4}8000 \"价格 玉米\" answered in 42 ms"),
                lines.get(0));
        assertTrue(lines.get(1).endsWith("MoIntake cid=- no correlation here"), lines.get(1));
    }
}
