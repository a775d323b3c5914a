package io.heed.delivery;

import java.util.List;

public interface DeliveryListener {
    void onOutcomes(List<DeliveryOutcome> outcomes);
}
