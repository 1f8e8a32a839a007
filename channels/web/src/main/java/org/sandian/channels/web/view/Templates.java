package org.sandian.channels.web.view;

import freemarker.template.Configuration;
import freemarker.template.TemplateExceptionHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.templ.freemarker.FreeMarkerTemplateEngine;
import java.util.Map;
import org.sandian.channels.web.http.Page;

/**
 * Freemarker with the HTML output format (.ftlh): every ${...} is escaped, so officers' text can
 * never become markup. Rendering is in memory and quick, so it runs on the event loop.
 */
public final class Templates {

    private final FreeMarkerTemplateEngine engine;
    private final String folder;
    private final String contentType;

    public Templates(Vertx vertx, String folder, String extension, String contentType) {
        this.engine = FreeMarkerTemplateEngine.create(vertx, extension);
        Configuration cfg = engine.unwrap();
        cfg.setNumberFormat("computer");
        cfg.setWhitespaceStripping(true);
        cfg.setOutputEncoding("UTF-8");
        cfg.setURLEscapingCharset("UTF-8");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        this.folder = folder;
        this.contentType = contentType;
    }

    public static Templates html(Vertx vertx, String folder) {
        return new Templates(vertx, folder, "ftlh", Page.HTML);
    }

    public Future<Page> render(String name, Map<String, Object> model) {
        return engine.render(model, folder + "/" + name).map(b -> Page.of(contentType, b.getBytes()));
    }
}
