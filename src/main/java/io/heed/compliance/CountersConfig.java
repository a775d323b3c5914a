package io.heed.compliance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The dashboard counters' compaction ({@code heed.compliance.counters.*}); every key is listed in README.md. */
@ConfigMapping(prefix = "heed.compliance.counters")
interface CountersConfig {

    /**
     * How often pending counter deltas are folded into the totals (once per cluster). Readers are exact either
     * way; this only bounds how many deltas a dashboard sums on top of the totals.
     */
    @WithDefault("2s")
    Duration compactEvery();

    /** Most deltas folded in one transaction. */
    @WithDefault("100000")
    int compactBatch();
}
