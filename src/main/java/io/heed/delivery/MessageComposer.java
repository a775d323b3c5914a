package io.heed.delivery;

import java.util.Optional;

public interface MessageComposer {
    boolean handles(String kind);

    Optional<ComposedMail> compose(QueuedMessage message);
}
