package io.heed.delivery.smtp;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * The one place that decides whether a failed send is worth retrying. Permanent: a 5xx refusal of this
 * recipient (RCPT) or of this message (after DATA), or an address that cannot be written. Everything else is
 * transient: 4xx replies, a refused or lost connection, a timeout, a refused sender or login (a configuration
 * fault that affects every message and is fixed by an operator, not by giving up on the recipients).
 *
 * @param connectionUsable whether the same SMTP connection can carry the next message (the server answered and
 *     the client reset the transaction)
 */
public record SmtpFailure(SendResult.Kind kind, String reply, boolean connectionUsable) {

    static SmtpFailure of(Exception failure) {
        SMTPAddressFailedException recipient = find(failure, SMTPAddressFailedException.class);
        if (recipient != null) {
            return new SmtpFailure(kindOf(recipient.getReturnCode()), reply(recipient), true);
        }
        SMTPSenderFailedException sender = find(failure, SMTPSenderFailedException.class);
        if (sender != null) {
            return new SmtpFailure(SendResult.Kind.TRANSIENT, reply(sender), false);
        }
        SMTPSendFailedException message = find(failure, SMTPSendFailedException.class);
        if (message != null) {
            return new SmtpFailure(kindOf(message.getReturnCode()), reply(message), false);
        }
        AddressException address = find(failure, AddressException.class);
        if (address != null) {
            return new SmtpFailure(SendResult.Kind.PERMANENT, "invalid address: " + address.getMessage(), true);
        }
        return new SmtpFailure(SendResult.Kind.TRANSIENT, describe(failure), false);
    }

    private static SendResult.Kind kindOf(int code) {
        return code >= 500 && code < 600 ? SendResult.Kind.PERMANENT : SendResult.Kind.TRANSIENT;
    }

    /** A short reason for the outbox row, e.g. "connection refused (Connection refused)". */
    public static String describe(Throwable failure) {
        if (find(failure, ConnectException.class) != null) {
            return "connection refused: " + message(find(failure, ConnectException.class));
        }
        if (find(failure, SocketTimeoutException.class) != null) {
            return "timeout: " + message(find(failure, SocketTimeoutException.class));
        }
        if (find(failure, UnknownHostException.class) != null) {
            return "unknown host: " + message(find(failure, UnknownHostException.class));
        }
        if (find(failure, AuthenticationFailedException.class) != null) {
            return "authentication failed: " + message(find(failure, AuthenticationFailedException.class));
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return message(failure) + (root != failure ? " (" + message(root) + ")" : "");
    }

    private static String reply(MessagingException e) {
        return oneLine(e.getMessage());
    }

    private static String message(Throwable t) {
        return oneLine(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }

    static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        String line = HeaderText.singleLine(text);
        return line.length() > 1000 ? line.substring(0, 1000) : line;
    }

    /** The first exception of that type in the cause chain, following Jakarta Mail's next-exception links too. */
    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 20; depth++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            Throwable next = current instanceof MessagingException m && m.getNextException() != null
                    ? m.getNextException()
                    : current.getCause();
            current = next == current ? null : next;
        }
        return null;
    }
}
