package io.heed.delivery.smtp;

/**
 * The SMTP server mail goes to when no {@code heed.smtp.host} is configured: implemented by the built-in mail
 * catcher ({@code delivery.catcher}), so the SMTP client does not know the catcher.
 */
public interface StandInRelay {

    /** Where the stand-in listens; asked only when no host is configured, when it runs. */
    SmtpEndpoint endpoint();
}
