package io.heed.delivery.catcher;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A caught message as the mailbox page shows it: decoded headers, the text part cut into plain pieces and
 * http(s) links, and the HTML part. Nothing here is trusted: the template escapes every value.
 */
record CaughtMail(
        Instant receivedAt, String from, String to, String subject, String messageId, List<Piece> text, String html) {

    /** A run of text, or a link (only {@code http:} and {@code https:} ever become links). */
    record Piece(String text, boolean link) {}

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'`]+");
    private static final String TRAILING_PUNCTUATION = ".,;:!?)]}";

    static CaughtMail of(MailCatcher.Caught caught) {
        MimeMessage message = caught.message();
        try {
            Bodies bodies = new Bodies();
            bodies.collect(message);
            return new CaughtMail(
                    caught.receivedAt().toInstant(),
                    addresses(message.getFrom()),
                    addresses(message.getRecipients(Message.RecipientType.TO)),
                    message.getSubject(),
                    message.getMessageID(),
                    pieces(bodies.text == null ? "" : bodies.text),
                    bodies.html == null ? null : "<base target=\"_blank\">" + bodies.html);
        } catch (MessagingException | IOException e) {
            return new CaughtMail(
                    caught.receivedAt().toInstant(),
                    "",
                    "",
                    "(unreadable message: " + e.getMessage() + ")",
                    "",
                    List.of(),
                    null);
        }
    }

    static List<Piece> pieces(String text) {
        List<Piece> pieces = new ArrayList<>();
        Matcher matcher = URL.matcher(text);
        int at = 0;
        while (matcher.find()) {
            int end = matcher.end();
            while (end > matcher.start() && TRAILING_PUNCTUATION.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            if (matcher.start() > at) {
                pieces.add(new Piece(text.substring(at, matcher.start()), false));
            }
            pieces.add(new Piece(text.substring(matcher.start(), end), true));
            at = end;
        }
        if (at < text.length()) {
            pieces.add(new Piece(text.substring(at), false));
        }
        return pieces;
    }

    private static String addresses(Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        return Arrays.stream(addresses)
                .map(a -> a instanceof InternetAddress internet ? internet.toUnicodeString() : a.toString())
                .collect(Collectors.joining(", "));
    }

    /** The first text/plain and text/html parts, wherever they sit in the MIME tree. */
    private static final class Bodies {
        String text;
        String html;

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            } else if (part.isMimeType("text/plain") && text == null) {
                text = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            }
        }
    }
}
