package io.heed.delivery;

public record QueuedMessage(
        long id,
        String kind,
        String reference,
        String toAddress,
        String stream,
        String messageId,
        int attempt,
        boolean test) {}
