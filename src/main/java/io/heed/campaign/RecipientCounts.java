package io.heed.campaign;

import io.heed.security.RegionScope;
import java.util.List;
import java.util.Map;

/**
 * How many recipients campaigns have in each delivery state, within the caller's regions, for the campaign API.
 * Counting the recipient rows would read a million rows per campaign of a million; the compliance counters
 * already keep these sums in the writers' transactions, so {@code compliance} answers this (it depends on
 * {@code campaign}, not the other way round).
 */
public interface RecipientCounts {

    /** Recipients by delivery state, and how many completed every step. */
    record Counts(long recipients, long queued, long sent, long failed, long completed) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }

    /** The counts of each of {@code campaignIds} that has recipients in {@code scope}; absent: none. */
    Map<Long, Counts> of(List<Long> campaignIds, RegionScope scope);
}
