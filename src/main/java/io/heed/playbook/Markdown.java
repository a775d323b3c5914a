package io.heed.playbook;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Step instructions are Markdown (or plain text, which is valid Markdown). Raw HTML in them is escaped, not
 * passed through, and link targets are limited to safe schemes, so an instruction cannot inject markup.
 */
final class Markdown {

    private static final List<Extension> NONE = List.of();
    private static final Parser PARSER = Parser.builder().extensions(NONE).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .extensions(NONE)
            .build();

    private Markdown() {}

    static String toHtml(String markdown) {
        return markdown == null ? "" : RENDERER.render(PARSER.parse(markdown)).strip();
    }
}
