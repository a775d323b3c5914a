package io.heed.console.campaign.detail;

import io.heed.campaign.RecipientQueries;
import io.heed.compliance.CampaignFacts;
import io.heed.compliance.dashboard.Dashboard;
import io.heed.platform.api.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The recipients tab: status tabs (counts from the counters where they give them exactly), one page of
 * recipients, the step and search the list was asked for, and whether "remind these N" is offered.
 */
record Recipients(
        long campaignId,
        Page<RecipientQueries.RecipientRow> page,
        RecipientQueries.Filter filter,
        String step,
        String q,
        List<Tab> tabs,
        List<CampaignFacts.Step> steps,
        int totalSteps,
        boolean remindable,
        long lateJoiners) {

    /** A status tab; {@code count} null when the counters cannot say it exactly. */
    record Tab(String key, String label, Long count, boolean current, String href) {}

    static List<Tab> tabs(long id, RecipientQueries.Filter current, String q, Dashboard.Group totals) {
        List<Tab> tabs = new ArrayList<>();
        boolean searching = q != null;
        tabs.add(tab(id, RecipientQueries.Filter.ALL, "All", searching ? null : totals.recipients(), current, q));
        tabs.add(tab(
                id,
                RecipientQueries.Filter.NOT_VISITED,
                "Not visited",
                searching ? null : totals.recipients() - totals.visitedIncludingAutomated(),
                current,
                q));
        tabs.add(tab(id, RecipientQueries.Filter.VISITED_NOT_DONE, "Visited, not done", null, current, q));
        tabs.add(tab(id, RecipientQueries.Filter.OVERDUE, "Overdue", searching ? null : totals.overdue(), current, q));
        tabs.add(tab(
                id,
                RecipientQueries.Filter.SCANNER_ONLY,
                "Only a mail scanner",
                searching ? null : totals.visitedIncludingAutomated() - totals.visited(),
                current,
                q));
        tabs.add(tab(
                id, RecipientQueries.Filter.FAILED, "Delivery failed", searching ? null : totals.failed(), current, q));
        tabs.add(tab(
                id, RecipientQueries.Filter.COMPLETED, "Completed", searching ? null : totals.completed(), current, q));
        return tabs;
    }

    private static Tab tab(
            long id, RecipientQueries.Filter f, String label, Long count, RecipientQueries.Filter current, String q) {
        return new Tab(f.key, label, count, f == current, base(id, f, null, q) + "page=0");
    }

    /** The list's address up to its page number: {@code /console/campaigns/1/recipients?filter=…&}. */
    static String base(long id, RecipientQueries.Filter filter, String step, String q) {
        StringBuilder b = new StringBuilder("/console/campaigns/").append(id).append("/recipients?");
        b.append("filter=").append(filter.key).append('&');
        if (step != null) {
            b.append("step=").append(encode(step)).append('&');
        }
        if (q != null) {
            b.append("q=").append(encode(q)).append('&');
        }
        return b.toString();
    }

    public String base() {
        return base(campaignId, filter, step, q);
    }

    /** The query string of the remind confirmation. */
    public String remindHref() {
        String b = base();
        return "/console/campaigns/" + campaignId + "/recipients/remind" + b.substring(b.indexOf('?'), b.length() - 1);
    }

    /** The filter in words, for the confirmation. */
    public String filterLabel() {
        return switch (filter) {
            case ALL -> "everyone";
            case NOT_VISITED -> "not visited";
            case VISITED_NOT_DONE -> "visited, not done";
            case STEP_OPEN -> "a step still open";
            case OVERDUE -> "overdue";
            case SCANNER_ONLY -> "only a mail scanner visited";
            case FAILED -> "delivery failed";
            case COMPLETED -> "completed";
        };
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
