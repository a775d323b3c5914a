package io.heed.delivery.smtp;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Who Heed's mail is from, and the Message-IDs it stamps on it: {@code <random-uuid@domain-of-from>}. Checked
 * at start-up, so a mistyped {@code heed.smtp.from} stops Heed instead of failing every message.
 */
@Startup
@ApplicationScoped
public class MailIdentity {

    @Inject
    SmtpConfig config;

    private InternetAddress from;
    private Optional<InternetAddress> replyTo;
    private String messageIdDomain;

    @PostConstruct
    void check() {
        from = parse("heed.smtp.from", config.from());
        replyTo = config.replyTo().filter(s -> !s.isBlank()).map(s -> parse("heed.smtp.reply-to", s));
        String address = from.getAddress();
        messageIdDomain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    InternetAddress from() {
        return from;
    }

    Optional<InternetAddress> replyTo() {
        return replyTo;
    }

    /** The part after the {@code @} of every Message-ID. */
    public String messageIdDomain() {
        return messageIdDomain;
    }

    public String newMessageId() {
        return "<" + UUID.randomUUID() + "@" + messageIdDomain + ">";
    }

    private static InternetAddress parse(String key, String value) {
        try {
            InternetAddress[] addresses = InternetAddress.parse(value, true);
            if (addresses.length != 1 || !addresses[0].getAddress().contains("@")) {
                throw new AddressException("exactly one address with a domain expected");
            }
            addresses[0].validate();
            return addresses[0];
        } catch (AddressException e) {
            throw new IllegalStateException(key + " is not a valid address ('" + value + "'): " + e.getMessage(), e);
        }
    }
}
