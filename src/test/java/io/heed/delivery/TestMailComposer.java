package io.heed.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tests' sender: renders kind {@code test-mail} from its reference, unless a test scripted something else
 * for that reference (a particular mail, "no longer wanted", or a failure).
 */
@ApplicationScoped
public class TestMailComposer implements MessageComposer {

    static final String KIND = "test-mail";

    static final Map<String, ComposedMail> SCRIPTED = new ConcurrentHashMap<>();
    static final Set<String> UNWANTED = ConcurrentHashMap.newKeySet();

    static void reset() {
        SCRIPTED.clear();
        UNWANTED.clear();
    }

    @Override
    public boolean handles(String kind) {
        return KIND.equals(kind);
    }

    @Override
    public Optional<ComposedMail> compose(QueuedMessage message) {
        if (UNWANTED.contains(message.reference())) {
            return Optional.empty();
        }
        String ref = message.reference();
        return Optional.of(SCRIPTED.getOrDefault(
                ref,
                new ComposedMail(
                        "Recipient " + ref,
                        "Test message " + ref,
                        "Hello " + ref + ",\nplease acknowledge: https://heed.example/ack/" + ref + "\n",
                        "<p>Hello " + ref + ", please <a href=\"https://heed.example/ack/" + ref
                                + "\">acknowledge</a>.</p>")));
    }
}
