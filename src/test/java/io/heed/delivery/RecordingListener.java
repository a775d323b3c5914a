package io.heed.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The tests' message owner: keeps every outcome it is told; can be made to fail. */
@ApplicationScoped
public class RecordingListener implements DeliveryListener {

    private final List<DeliveryOutcome> outcomes = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();

    public void reset() {
        outcomes.clear();
        failures.set(0);
    }

    /** Everything told so far, in order. */
    public List<DeliveryOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** The next {@code calls} calls throw. */
    public void failNext(int calls) {
        failures.set(calls);
    }

    @Override
    public void onOutcomes(List<DeliveryOutcome> batch) {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("listener failure scripted by a test");
        }
        outcomes.addAll(batch);
    }
}
