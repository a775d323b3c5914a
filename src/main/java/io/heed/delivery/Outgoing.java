package io.heed.delivery;

/** A claimed message with its rendered content, ready for SMTP. */
record Outgoing(QueuedMessage queued, ComposedMail mail) {

    long id() {
        return queued.id();
    }

    String messageId() {
        return queued.messageId();
    }

    String toAddress() {
        return queued.toAddress();
    }
}
