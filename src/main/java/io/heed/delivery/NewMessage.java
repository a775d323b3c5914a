package io.heed.delivery;

import java.time.Instant;

/**
 * One message to queue.
 *
 * @param kind which {@link MessageComposer} renders it, e.g. {@code invitation}
 * @param reference the sender's own key for it (e.g. a recipient id); opaque to delivery, handed back to the
 *     composer and in every {@link DeliveryOutcome}
 * @param toAddress the recipient's e-mail address
 * @param stream its pacing group, e.g. {@code campaign:12} (see {@link Outbox#configureStream})
 * @param dueAt earliest send time; {@code null}: now
 * @param test a test send (e.g. a preview to an admin): carried through to composer and listener unchanged
 */
public record NewMessage(String kind, String reference, String toAddress, String stream, Instant dueAt, boolean test) {}
