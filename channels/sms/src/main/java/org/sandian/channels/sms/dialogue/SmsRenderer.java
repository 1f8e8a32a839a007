package org.sandian.channels.sms.dialogue;

import freemarker.core.PlainTextOutputFormat;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.Version;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.sandian.content.answer.Answer;
import org.sandian.content.answer.Query;
import org.sandian.content.model.Lang;

/**
 * Renders an {@link Answer} as SMS text with the Freemarker templates in
 * {@code templates/sms/<kind>_<lang>.ftl} (plain text, one per answer kind and language). The
 * template sees the answer as {@code a}, the query that got it as {@code q} (may be null) and the
 * language's formatter as {@code f}; record components are read with their accessors ({@code a.rows()}). The text is whole: {@link Pager} cuts it into SMS pages.
 */
public final class SmsRenderer {

    private static final Version VERSION = Configuration.VERSION_2_3_34;

    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+\\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{2,}");

    private final Configuration config;
    private final ZoneId zone;

    public SmsRenderer(ZoneId zone) {
        this.zone = zone;
        Configuration c = new Configuration(VERSION);
        c.setClassForTemplateLoading(SmsRenderer.class, "/templates/sms");
        c.setDefaultEncoding("UTF-8");
        c.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(VERSION);
        // Templates call record accessors as methods (a.rows()): reading them as properties needs
        // Freemarker's Java 16 classes, which a shaded jar without "Multi-Release: true" loses.
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(ZeroArgumentNonVoidMethodPolicy.METHOD_ONLY);
        c.setObjectWrapper(wrapper.build());
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        this.config = c;
    }

    /** The whole text of {@code answer}, in the answer's language. */
    public String render(Answer answer, Query query) {
        Map<String, Object> model = new HashMap<>();
        model.put("a", answer);
        if (query != null) model.put("q", query);
        return render(kindOf(answer), answer.lang(), model);
    }

    /** A fixed text ("more_hint", "flood", "no_more") in {@code lang}. */
    public String text(String name, Lang lang) {
        return render(name, lang, new HashMap<>());
    }

    private String render(String name, Lang lang, Map<String, Object> model) {
        Lang l = lang == null ? Lang.ZH : lang;
        model.put("f", new SmsFormat(l, zone));
        try {
            Template template = config.getTemplate(name + "_" + l.code() + ".ftl");
            StringWriter out = new StringWriter(256);
            template.process(model, out);
            return tidy(out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("template " + name + "_" + l.code(), e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + name + "_" + l.code() + ": " + e.getMessage(), e);
        }
    }

    /** Template kind of an answer: Prices -> "prices", NotFound -> "not_found". */
    static String kindOf(Answer answer) {
        String simple = answer.getClass().getSimpleName();
        return simple.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** No trailing spaces, no blank lines: every character costs money. */
    private static String tidy(String text) {
        return BLANK_LINES.matcher(TRAILING_SPACE.matcher(text).replaceAll("\n")).replaceAll("\n").strip();
    }
}
