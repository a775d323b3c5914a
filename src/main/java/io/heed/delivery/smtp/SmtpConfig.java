package io.heed.delivery.smtp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The SMTP server Heed sends through. With no {@code host}, Heed starts its built-in mail catcher and delivers
 * there (see {@code delivery.catcher.MailCatcher}); with a host, the catcher never starts.
 */
@ConfigMapping(prefix = "heed.smtp")
public interface SmtpConfig {

    /** SMTP server host name. Unset: deliver to the built-in mail catcher (shown at {@code /dev/mailbox}). */
    Optional<String> host();

    /** SMTP port. Unset: 465 for {@code smtps}, 587 for {@code starttls}, 25 for {@code none}. */
    OptionalInt port();

    /** User name for SMTP AUTH; unset: no AUTH. */
    Optional<String> username();

    /** Password for SMTP AUTH. */
    Optional<String> password();

    /**
     * Transport security: {@code starttls} (upgrade required; the server's certificate and host name are
     * checked), {@code smtps} (TLS from the first byte) or {@code none} (plain text: a relay on localhost only).
     */
    @WithDefault("starttls")
    Tls tls();

    /**
     * The From of every message, an address optionally with a display name: {@code Heed <heed@example.com>}.
     * Its domain also ends every Message-ID Heed generates.
     */
    @WithDefault("Heed <heed@heed.local>")
    String from();

    /** Reply-To of every message; unset: replies go to From. */
    Optional<String> replyTo();

    /**
     * Most messages per minute for the whole cluster, all streams together; unset: no global cap. Kept in the
     * database, so it holds however many replicas run.
     */
    OptionalInt maxPerMinute();

    /** SMTP connections each replica keeps open and sends over in parallel. */
    @WithDefault("2")
    int connections();

    /**
     * Messages sent over one connection before it is closed and opened again (some servers refuse more than a
     * few hundred per connection); 0: no limit.
     */
    @WithDefault("500")
    int messagesPerConnection();

    /** An idle connection older than this is closed before it is used again, rather than found dead. */
    @WithDefault("30s")
    Duration idleTimeout();

    /** Time to open a connection (TCP and greeting). */
    @WithDefault("10s")
    Duration connectTimeout();

    /** Time to wait for any one server reply or write. */
    @WithDefault("30s")
    Duration timeout();

    /**
     * Whether the built-in mail catcher may stand in when no {@code host} is set. The container image turns it
     * off, so a deployment that forgot its relay refuses to start instead of catching every invitation.
     */
    @WithDefault("true")
    boolean catcherEnabled();

    /** Port of the built-in mail catcher when no {@code host} is set; 0 picks a free one (logged at start). */
    @WithDefault("0")
    int catcherPort();

    /** Messages the catcher keeps in memory; older ones are dropped. */
    @WithDefault("1000")
    int catcherMaxMessages();

    enum Tls {
        NONE,
        STARTTLS,
        SMTPS
    }
}
