package io.heed.delivery.smtp;

import io.heed.delivery.ComposedMail;
import io.heed.delivery.QueuedMessage;

/** A claimed message with its composed content, ready for SMTP. */
public record OutgoingMail(QueuedMessage queued, ComposedMail mail) {

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
