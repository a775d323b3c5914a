package io.heed.delivery;

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
final class MailMessages {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private MailMessages() {}

    static MimeMessage build(Session session, MailIdentity identity, Outgoing mail, Instant date)
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
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.mail().html(), UTF_8, "html");
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
        try {
            // RFC 2231/2047 encoding for names outside ASCII; control characters never reach the header
            part.setFileName(MimeUtility.encodeText(HeaderText.singleLine(attachment.fileName()), UTF_8, null));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        return part;
    }

    private static InternetAddress recipient(Outgoing mail) throws MessagingException {
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
