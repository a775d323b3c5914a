package io.heed.delivery;

/**
 * A message that is due, as its composer sees it.
 *
 * @param id the outbox row's id
 * @param messageId its RFC 5322 Message-ID, angle brackets included; the same on every attempt
 * @param attempt this attempt's number, from 1
 */
public record QueuedMessage(
        long id,
        String kind,
        String reference,
        String toAddress,
        String stream,
        String messageId,
        int attempt,
        boolean test) {}
