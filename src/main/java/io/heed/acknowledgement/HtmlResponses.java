package io.heed.acknowledgement;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** HTML bodies of the acknowledgement pages, rendered to UTF-8 bytes. */
final class HtmlResponses {

    static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    private HtmlResponses() {}

    /** An HTML response with the rendered {@code page} as its body; a null page gives an empty body (HEAD). */
    static Response html(int status, TemplateInstance page) {
        return Response.status(status)
                .type(HTML)
                .entity(page == null ? null : utf8(page))
                .build();
    }

    /**
     * Renders a page straight to UTF-8, part by part. Rendering to one String and encoding that costs twice: one
     * character outside Latin-1 (an arrow in a playbook, German quotes) turns the whole String into UTF-16, which
     * Java then encodes character by character (about a quarter of a page view's CPU, measured). Parts are small
     * and mostly ASCII, which {@link String#getBytes} encodes in bulk.
     */
    static byte[] utf8(TemplateInstance page) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        page.consume(part -> body.writeBytes(part.getBytes(StandardCharsets.UTF_8)))
                .toCompletableFuture()
                .join();
        return body.toByteArray();
    }
}
