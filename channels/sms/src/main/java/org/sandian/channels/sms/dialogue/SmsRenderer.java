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
import org.sandian.content.memo.Memo;
import org.sandian.content.model.Lang;

/**
 * Renders an {@link Answer} as SMS text with the Freemarker templates in
 * {@code templates/sms/<kind>_<lang>.ftl} (plain text, one per answer kind and language). The
 * template sees the answer as {@code a}, the query that got it as {@code q} (may be null; without the
 * farmer's number, which no reply needs) and the language's formatter as {@code f}; record components
 * are read with their accessors ({@code a.rows()}). The text is whole: {@link Pager} cuts it into SMS
 * pages. A text is thus made of the answer and query alone, and is remembered by them: farmers ask
 * the same few questions over and over, an answer stays the same until the content changes, and
 * Freemarker was the largest cost of a keyword reply.
 */
public final class SmsRenderer {

    private static final Version VERSION = Configuration.VERSION_2_3_34;
    /** Texts remembered at most. */
    private static final int REMEMBERED = 2_000;

    private static final Pattern WORD_START = Pattern.compile("([a-z])([A-Z])");
    /** Template kind per answer class, worked out once per class. */
    private static final ClassValue<String> KINDS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return WORD_START.matcher(type.getSimpleName()).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
        }
    };

    private final Configuration config;
    private final ZoneId zone;
    /** Fixed texts by template and language: they take no data, and "more_hint" goes with every long answer. */
    private final Memo<String, String> fixed = new Memo<>(REMEMBERED);
    private final Memo<Rendered, String> texts = new Memo<>(REMEMBERED);

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
        Rendered made = new Rendered(answer, query == null ? null : query.from(null));
        // A ticket or a confirmation is the farmer's own: remembering it would only push the others out.
        boolean own = answer instanceof Answer.Ticket || answer instanceof Answer.Done;
        return own ? render(made) : texts.get(made, this::render);
    }

    private String render(Rendered made) {
        Map<String, Object> model = new HashMap<>();
        model.put("a", made.answer());
        if (made.query() != null) model.put("q", made.query());
        return render(kindOf(made.answer()), made.answer().lang(), model);
    }

    /** A fixed text ("more_hint", "flood", "no_more") in {@code lang}. */
    public String text(String name, Lang lang) {
        Lang l = lang == null ? Lang.ZH : lang;
        return fixed.get(name + "_" + l.code(), k -> render(name, l, new HashMap<>()));
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
        return KINDS.get(answer.getClass());
    }

    /** No trailing spaces or tabs, no blank lines: every character costs money. */
    static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int spaces = -1; // where a run of spaces and tabs began in out, or -1
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (spaces >= 0) out.setLength(spaces);
                spaces = -1;
                if (out.length() > 0 && out.charAt(out.length() - 1) == '\n') continue;
            } else if (c == ' ' || c == '\t') {
                if (spaces < 0) spaces = out.length();
            } else {
                spaces = -1;
            }
            out.append(c);
        }
        return out.toString().strip();
    }

    /** What an answer's text is made of. */
    private record Rendered(Answer answer, Query query) {
    }
}
