package io.heed.delivery.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.jboss.logging.Logger;

/**
 * One SMTP connection, kept open across messages and batches: the greeting, EHLO, STARTTLS and AUTH are paid
 * once per connection, not per message. Used by one thread at a time.
 */
final class SmtpConnection {

    private static final Logger LOG = Logger.getLogger(SmtpConnection.class);

    private final Session session;
    private final SmtpEndpoint endpoint;
    private final MailIdentity identity;
    private final Clock clock;
    private final int messagesPerConnection;
    private final Duration idleTimeout;

    private SMTPTransport transport;
    private int sentOnThisConnection;
    private Instant lastUsed;

    SmtpConnection(
            Session session,
            SmtpEndpoint endpoint,
            MailIdentity identity,
            Clock clock,
            int messagesPerConnection,
            Duration idleTimeout) {
        this.session = session;
        this.endpoint = endpoint;
        this.identity = identity;
        this.clock = clock;
        this.messagesPerConnection = messagesPerConnection;
        this.idleTimeout = idleTimeout;
    }

    /**
     * Sends messages taken from {@code work} until it is empty, adding one result per message to {@code results}.
     * Stops early if no connection can be opened: the message in hand is a transient failure, and the rest is
     * left to the other connections.
     *
     * @return why no connection could be opened, or null
     */
    String drain(Queue<OutgoingMail> work, Queue<SendResult> results) {
        boolean first = true;
        OutgoingMail mail;
        while ((mail = work.poll()) != null) {
            boolean reused;
            try {
                reused = open();
            } catch (MessagingException | RuntimeException e) {
                return unreachable(mail, results, e);
            }
            SendResult result = send(mail);
            if (first && reused && result.kind() == SendResult.Kind.TRANSIENT && transport == null) {
                // The connection kept from an earlier batch had died (the server dropped it while idle): that
                // says nothing about this message, so it gets one try on a new connection.
                LOG.debugf("Kept SMTP connection had closed (%s); reconnecting", result.reply());
                try {
                    open();
                } catch (MessagingException | RuntimeException e) {
                    return unreachable(mail, results, e);
                }
                result = send(mail);
            }
            results.add(result);
            first = false;
        }
        return null;
    }

    private String unreachable(OutgoingMail mail, Queue<SendResult> results, Exception failure) {
        String reason = SmtpFailure.describe(failure);
        results.add(new SendResult(mail, SendResult.Kind.TRANSIENT, reason));
        close();
        return reason;
    }

    private SendResult send(OutgoingMail mail) {
        try {
            MimeMessage message = MimeMessageBuilder.build(session, identity, mail, clock.instant());
            transport.sendMessage(message, message.getAllRecipients());
            sentOnThisConnection++;
            lastUsed = clock.instant();
            return new SendResult(mail, SendResult.Kind.SENT, SmtpFailure.oneLine(transport.getLastServerResponse()));
        } catch (MessagingException | RuntimeException e) {
            SmtpFailure failure = SmtpFailure.of(e);
            LOG.debugf("Message %d to %s: %s", mail.id(), mail.toAddress(), failure.reply());
            if (failure.connectionUsable()) {
                lastUsed = clock.instant();
            } else {
                close();
            }
            return new SendResult(mail, failure.kind(), failure.reply());
        }
    }

    /** Opens the connection unless a usable one is open; returns whether an existing one is reused. */
    private boolean open() throws MessagingException {
        if (transport != null) {
            boolean tired = messagesPerConnection > 0 && sentOnThisConnection >= messagesPerConnection;
            boolean idle = lastUsed != null && lastUsed.plus(idleTimeout).isBefore(clock.instant());
            // No NOOP probe per message (SMTPTransport.isConnected() sends one): a connection that failed was
            // closed when it failed, and one left idle too long is replaced before the server drops it.
            if (!tired && !idle) {
                return true;
            }
            close();
        }
        Transport opened = session.getTransport(endpoint.protocol());
        opened.connect(endpoint.host(), endpoint.port(), endpoint.username(), endpoint.password());
        transport = (SMTPTransport) opened;
        sentOnThisConnection = 0;
        lastUsed = clock.instant();
        return false;
    }

    void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException | RuntimeException e) {
                LOG.debugf("Closing an SMTP connection: %s", e.getMessage());
            }
            transport = null;
        }
    }
}
