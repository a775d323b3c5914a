package io.heed.acknowledgement;

import io.heed.platform.Hashing;
import io.quarkus.qute.RawString;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The pages' stylesheet, inlined (no extra request, no third-party asset) and allowed by the Content-Security-Policy
 * through its SHA-256 hash: no other inline style and no script can run. The CSS is a fixed resource, so the hash
 * is computed once.
 */
final class PageStyle {

    static final RawString CSS;
    static final String CONTENT_SECURITY_POLICY;

    static {
        String css;
        try (InputStream in = PageStyle.class.getResourceAsStream("/acknowledgement/page.css")) {
            if (in == null) {
                throw new IllegalStateException("acknowledgement/page.css is missing from the class path");
            }
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String hash = Base64.getEncoder().encodeToString(Hashing.sha256().digest(css.getBytes(StandardCharsets.UTF_8)));
        CSS = new RawString(css);
        CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'sha256-" + hash + "'; form-action 'self';"
                + " frame-ancestors 'none'; base-uri 'none'";
    }

    private PageStyle() {}
}
