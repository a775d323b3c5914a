/**
 * Delivery: the outbox of outgoing mail and the dispatcher that sends it from every replica. Delivery knows
 * messages, not campaigns.
 *
 * <p><b>Owns</b> the tables {@code outbox_message} (one row per queued e-mail and its delivery state),
 * {@code outbox_stream} (each pacing group's rate, pause and next slot) and {@code outbox_pacing} (the global
 * cap's slot). It decides when a message is claimed (due, not paused, within its stream's rate and the global
 * cap: {@code Pacing}), when a failed one is tried again ({@code Backoff}), when it is given up
 * ({@code heed.delivery.max-attempts}), and what a crash may repeat (one batch: leases and claim tokens).
 *
 * <p><b>Offers</b> other packages its ports, which stay in this package: {@link io.heed.delivery.Outbox} (queue,
 * one or a million in one statement, in the caller's transaction; pace, pause, resume, cancel a stream), the
 * records {@link io.heed.delivery.NewMessage}, {@link io.heed.delivery.QueuedMessage},
 * {@link io.heed.delivery.ComposedMail} and {@link io.heed.delivery.DeliveryOutcome}, and the interfaces
 * senders implement: {@link io.heed.delivery.MessageComposer} (compose a message when it is due) and
 * {@link io.heed.delivery.DeliveryListener} (hear its final state). Also the admin's delivery check
 * ({@code POST /api/v1/delivery/check}).
 *
 * <p>Sub-packages, used by this package only: {@code delivery.smtp} sends over SMTP; {@code delivery.catcher}
 * is the built-in mail catcher that stands in for an SMTP server when none is configured. Persistence: the
 * outbox is written with named set-based SQL ({@code platform.database}); {@code OutboxMessage} (Panache) reads
 * one message.
 */
package io.heed.delivery;
