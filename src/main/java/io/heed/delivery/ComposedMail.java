package io.heed.delivery;

import io.heed.platform.Hashing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A rendered message: sent as multipart/alternative, plain text first, then HTML. Line breaks and other control
 * characters in {@code toName} and {@code subject} are replaced by spaces when the headers are written, so data
 * can never add a header.
 *
 * @param toName the recipient's display name; {@code null} or blank: the bare address
 */
public record ComposedMail(String toName, String subject, String text, String html) {

    public ComposedMail {
        if (subject == null || text == null || html == null) {
            throw new IllegalArgumentException("A composed mail needs a subject, a text and an HTML body");
        }
    }

    /**
     * SHA-256 (hex) of what is sent: subject, text and HTML, each UTF-8, each preceded by its length in bytes so
     * no two different messages hash alike. Stored on the outbox row as evidence of the content.
     */
    public String contentSha256() {
        MessageDigest digest = Hashing.sha256();
        for (String part : new String[] {subject, text, html}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
