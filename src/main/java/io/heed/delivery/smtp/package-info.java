/**
 * Sending over SMTP with Jakarta Mail (Eclipse Angus): a pool of kept-open connections
 * ({@code heed.smtp.connections}), the MIME message of each {@link io.heed.delivery.smtp.OutgoingMail}, and the one
 * decision of whether a failed send is worth retrying ({@link io.heed.delivery.smtp.SmtpFailure}). Owns no table.
 *
 * <p><b>Offers</b> the dispatcher {@link io.heed.delivery.smtp.SmtpSender} (send a batch, one
 * {@link io.heed.delivery.smtp.SendResult} per message), the {@code heed.smtp.*} settings
 * ({@link io.heed.delivery.smtp.SmtpConfig}) and Heed's sender identity and Message-IDs
 * ({@link io.heed.delivery.smtp.MailIdentity}). With no {@code heed.smtp.host} it sends to a
 * {@link io.heed.delivery.smtp.StandInRelay}, the interface the built-in catcher implements, so this package does
 * not know the catcher. It uses from {@code delivery} only the message records
 * ({@code QueuedMessage}, {@code ComposedMail}).
 */
package io.heed.delivery.smtp;
