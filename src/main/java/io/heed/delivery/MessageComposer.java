package io.heed.delivery;

import java.util.Optional;

/**
 * Renders queued messages of the kinds it handles, when they are due. Implemented by the packages that send
 * mail (campaign invitations, reminders, escalations, reports; delivery's own check message) and found with CDI:
 * delivery knows messages, not campaigns.
 *
 * <p>Called by the dispatcher inside a transaction of its own, once per message of a batch, before anything of
 * the batch is sent. An exception counts as a transient failure of that message (it is retried with backoff).
 */
public interface MessageComposer {

    boolean handles(String kind);

    /**
     * The message as it should be sent now, or empty if it is no longer wanted (e.g. its campaign closed): the
     * row then becomes CANCELLED.
     */
    Optional<ComposedMail> compose(QueuedMessage message);
}
