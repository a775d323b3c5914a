package io.heed.delivery;

import io.heed.platform.Hashing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * A rendered message: sent as multipart/alternative, plain text first, then HTML. Line breaks and other control
 * characters in {@code toName} and {@code subject} are replaced by spaces when the headers are written, so data
 * can never add a header.
 *
 * @param toName the recipient's display name; {@code null} or blank: the bare address
 * @param attachments files sent after the text and HTML (the message is then multipart/mixed); may be empty
 */
public record ComposedMail(String toName, String subject, String text, String html, List<Attachment> attachments) {

    /** A file attached to a message, e.g. a compliance report's PDF. */
    public record Attachment(String fileName, String contentType, byte[] content) {

        public Attachment {
            if (fileName == null || fileName.isBlank() || contentType == null || content == null) {
                throw new IllegalArgumentException("An attachment needs a file name, a content type and content");
            }
        }
    }

    public ComposedMail {
        if (subject == null || text == null || html == null) {
            throw new IllegalArgumentException("A composed mail needs a subject, a text and an HTML body");
        }
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A message without attachments. */
    public ComposedMail(String toName, String subject, String text, String html) {
        this(toName, subject, text, html, List.of());
    }

    /**
     * SHA-256 (hex) of what is sent: subject, text and HTML, each UTF-8, each preceded by its length in bytes so
     * no two different messages hash alike; then, for each attachment, its file name, content type and bytes,
     * the same way (a message without attachments hashes as it always did). Stored on the outbox row as
     * evidence of the content.
     */
    public String contentSha256() {
        MessageDigest digest = Hashing.sha256();
        for (String part : new String[] {subject, text, html}) {
            update(digest, part.getBytes(StandardCharsets.UTF_8));
        }
        for (Attachment attachment : attachments) {
            update(digest, attachment.fileName().getBytes(StandardCharsets.UTF_8));
            update(digest, attachment.contentType().getBytes(StandardCharsets.UTF_8));
            update(digest, attachment.content());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, byte[] bytes) {
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }
}
