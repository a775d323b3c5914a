package io.heed.compliance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Dashboards, reports and report mail ({@code heed.compliance.*}); every key is listed in README.md. */
@ConfigMapping(prefix = "heed.compliance")
public interface ComplianceConfig {

    Counters counters();

    Reports reports();

    interface Counters {
        /**
         * How often pending counter deltas are folded into the totals (once per cluster). Readers are exact
         * either way; this only bounds how many deltas a dashboard sums on top of the totals.
         */
        @WithDefault("2s")
        Duration compactEvery();

        /** Most deltas folded in one transaction. */
        @WithDefault("100000")
        int compactBatch();
    }

    interface Reports {
        /**
         * Quartz cron expression (UTC) of the report mail to each campaign's report recipients; {@code off}
         * disables it. Default: Mondays at 06:00.
         */
        @WithDefault("0 0 6 ? * MON")
        String cron();

        /** Rows fetched per round trip while streaming a per-recipient export. */
        @WithDefault("5000")
        int fetchSize();
    }
}
