package io.heed.delivery.smtp;

import io.heed.delivery.ComposedMail;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * Builds the MIME message for one outgoing mail: multipart/alternative (inside multipart/mixed when it has
 * attachments), UTF-8, stable Message-ID.
 */
final class MimeMessageBuilder {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private static final String TRANSFER_ENCODING = "Content-Transfer-Encoding";

    /** Lines longer than this may not travel as 7bit (RFC 5322: 998 characters plus CRLF). */
    private static final int MAX_LINE = 998;

    private MimeMessageBuilder() {}

    /**
     * The Content-Transfer-Encoding for a text part, decided as Jakarta Mail decides it (7bit for ASCII in short
     * lines, quoted-printable for mostly ASCII, base64 for mostly other characters) but in one pass over the
     * String. Left to Jakarta Mail, saving the message writes each part through a charset encoder into a
     * byte-by-byte checker first: half of the SMTP threads' time for a campaign's invitations.
     */
    static String transferEncoding(String text) {
        int other = 0;
        int line = 0;
        boolean longLine = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                line = 0;
                continue;
            }
            longLine |= ++line > MAX_LINE;
            if (c >= 0x7f || (c < 0x20 && c != '\t')) {
                other++;
            }
        }
        if (other == 0) {
            return longLine ? "quoted-printable" : "7bit";
        }
        return other * 3 > text.length() ? "base64" : "quoted-printable";
    }

    static MimeMessage build(Session session, MailIdentity identity, OutgoingMail mail, Instant date)
            throws MessagingException {
        MimeMessage message = new FixedIdMimeMessage(session, mail.messageId());
        message.setFrom(identity.from());
        if (identity.replyTo().isPresent()) {
            message.setReplyTo(new InternetAddress[] {identity.replyTo().get()});
        }
        message.setRecipient(Message.RecipientType.TO, recipient(mail));
        message.setSubject(HeaderText.singleLine(mail.mail().subject()), UTF_8);
        message.setSentDate(Date.from(date));
        // Automated mail: no out-of-office replies to a campaign of thousands (RFC 3834; Exchange's own header).
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Auto-Response-Suppress", "OOF, AutoReply");

        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.mail().text(), UTF_8);
        text.setHeader(TRANSFER_ENCODING, transferEncoding(mail.mail().text()));
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.mail().html(), UTF_8, "html");
        html.setHeader(TRANSFER_ENCODING, transferEncoding(mail.mail().html()));
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        if (mail.mail().attachments().isEmpty()) {
            message.setContent(alternative);
        } else {
            // multipart/mixed: the readable message first, then each file
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            mixed.addBodyPart(body);
            for (ComposedMail.Attachment attachment : mail.mail().attachments()) {
                mixed.addBodyPart(attachment(attachment));
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    private static MimeBodyPart attachment(ComposedMail.Attachment attachment) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
        part.setDisposition(Part.ATTACHMENT);
        part.setHeader(TRANSFER_ENCODING, "base64");
        try {
            // RFC 2231/2047 encoding for names outside ASCII; control characters never reach the header
            part.setFileName(MimeUtility.encodeText(HeaderText.singleLine(attachment.fileName()), UTF_8, null));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        return part;
    }

    private static InternetAddress recipient(OutgoingMail mail) throws MessagingException {
        String name = HeaderText.singleLine(mail.mail().toName());
        InternetAddress address;
        try {
            address = name == null || name.isEmpty()
                    ? new InternetAddress(mail.toAddress())
                    : new InternetAddress(mail.toAddress(), name, UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        address.validate();
        return address;
    }

    /** Keeps the Message-ID given at enqueue time: Jakarta Mail would otherwise generate one on every save. */
    private static final class FixedIdMimeMessage extends MimeMessage {

        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
