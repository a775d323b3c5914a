package io.heed.delivery;

import io.heed.delivery.smtp.SmtpFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Asks each claimed message's {@link MessageComposer} for its content, in one transaction per batch (composers
 * read their own data, e.g. the recipient and the pinned playbook version).
 */
@ApplicationScoped
class ComposeBatch {

    private static final Logger LOG = Logger.getLogger(ComposeBatch.class);

    @Inject
    @Any
    Instance<MessageComposer> composers;

    private final Map<String, Optional<MessageComposer>> byKind = new ConcurrentHashMap<>();

    /** What became of one claimed message: content to send, or an outcome without sending. */
    sealed interface Composed {
        QueuedMessage message();
    }

    record Ready(QueuedMessage message, ComposedMail mail) implements Composed {}

    /** The composer no longer wants it sent. */
    record NotWanted(QueuedMessage message) implements Composed {}

    /** No composer, or the composer failed: try again later. */
    record NotComposed(QueuedMessage message, String reason) implements Composed {}

    @Transactional
    List<Composed> compose(List<QueuedMessage> batch) {
        List<Composed> composed = new ArrayList<>(batch.size());
        for (QueuedMessage message : batch) {
            composed.add(compose(message));
        }
        return composed;
    }

    private Composed compose(QueuedMessage message) {
        Optional<MessageComposer> composer = byKind.computeIfAbsent(message.kind(), this::find);
        if (composer.isEmpty()) {
            // Perhaps a replica of a newer version knows the kind: not a reason to give up on the message.
            return new NotComposed(message, "no composer handles kind '" + message.kind() + "'");
        }
        try {
            return composer.get()
                    .compose(message)
                    .<Composed>map(mail -> new Ready(message, mail))
                    .orElseGet(() -> new NotWanted(message));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Composing message %d (%s) failed", message.id(), message.kind());
            return new NotComposed(message, "composing failed: " + SmtpFailure.describe(e));
        }
    }

    private Optional<MessageComposer> find(String kind) {
        return composers.stream().filter(c -> c.handles(kind)).findFirst();
    }
}
