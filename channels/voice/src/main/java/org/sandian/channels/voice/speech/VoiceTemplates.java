package org.sandian.channels.voice.speech;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sandian.content.model.Lang;

/**
 * The voice channel's own Freemarker templates ({@code templates/<lang>/<name>.ftl}): they turn an
 * answer's data into a {@link SpokenScript}. {@code n(x)} marks a number, {@code d(x)} digits.
 */
public final class VoiceTemplates {

    private static final String BASE = "/org/sandian/channels/voice/templates";
    private final Configuration config;

    public VoiceTemplates() {
        config = new Configuration(Configuration.VERSION_2_3_34);
        config.setClassForTemplateLoading(VoiceTemplates.class, BASE);
        config.setDefaultEncoding("UTF-8");
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setNumberFormat("computer");
        config.setSharedVariable("n", mark(SpokenScript::number));
        config.setSharedVariable("d", mark(SpokenScript::digits));
    }

    /** Renders {@code name} in {@code lang} with {@code model}; thread-safe. */
    public String render(String name, Lang lang, Map<String, ?> model) {
        try {
            Template t = config.getTemplate(lang.code() + "/" + name + ".ftl");
            StringWriter out = new StringWriter();
            t.process(new HashMap<>(model), out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("voice template " + lang.code() + "/" + name + ": " + e.getMessage(), e);
        }
    }

    private static TemplateMethodModelEx mark(java.util.function.Function<Object, String> f) {
        return (List args) -> {
            if (args.size() != 1) throw new TemplateModelException("one argument expected");
            Object a = args.get(0);
            return f.apply(a instanceof freemarker.template.TemplateNumberModel num ? num.getAsNumber()
                    : a instanceof freemarker.template.TemplateScalarModel s ? s.getAsString() : String.valueOf(a));
        };
    }
}
