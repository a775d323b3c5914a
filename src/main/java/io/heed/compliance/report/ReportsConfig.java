package io.heed.compliance.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Reports and report mail ({@code heed.compliance.reports.*}); every key is listed in README.md. */
@ConfigMapping(prefix = "heed.compliance.reports")
interface ReportsConfig {

    /**
     * Quartz cron expression (UTC) of the report mail to each campaign's report recipients; {@code off} disables
     * it. Default: Mondays at 06:00.
     */
    @WithDefault("0 0 6 ? * MON")
    String cron();

    /** Rows fetched per round trip while streaming a per-recipient export. */
    @WithDefault("5000")
    int fetchSize();
}
