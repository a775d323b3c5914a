/**
 * The built-in mail catcher: a real SMTP server (GreenMail) on localhost that keeps what it receives in memory,
 * started only when no {@code heed.smtp.host} is configured (and {@code heed.smtp.catcher-enabled}), and the
 * admins' mailbox page at {@code /dev/mailbox}. Owns no table.
 *
 * <p><b>Offers</b> {@link io.heed.delivery.catcher.MailCatcher}, the {@code StandInRelay} of
 * {@code delivery.smtp}; tests read the caught mail through it. Uses {@code delivery.smtp} (its settings and
 * endpoint), nothing of the outbox.
 */
package io.heed.delivery.catcher;
