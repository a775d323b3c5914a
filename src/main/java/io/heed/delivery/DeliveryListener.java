package io.heed.delivery;

import java.util.List;

/**
 * Told the final state of messages: implemented by the owners of messages (the campaign side keeps each
 * recipient's delivery state from it). Every bean is called, in the dispatcher's transaction, once per batch
 * of outcomes, with outcomes of every kind: pick yours by {@link DeliveryOutcome#kind()}.
 *
 * <p>At least once: if a listener throws, the outcomes are still recorded and the whole batch is offered to
 * every listener again on the next poll, so a listener must tolerate hearing of a message twice.
 */
public interface DeliveryListener {

    void onOutcomes(List<DeliveryOutcome> outcomes);
}
