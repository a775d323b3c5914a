package io.heed.console.home;

import io.heed.compliance.dashboard.Overview;
import io.heed.delivery.DeliveryStatusQueries;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the home page shows, from the compliance overview (within the caller's regions) and delivery's status.
 *
 * @param running campaigns sending, active or paused, newest first
 * @param deadlines the nearest deadlines still ahead in running campaigns, soonest first
 * @param overdue regions of running campaigns past their deadline with people who have not finished
 */
record HomeView(
        boolean anyEmployees,
        boolean anyPlaybooks,
        boolean anyLaunched,
        List<Overview.CampaignCompliance> running,
        List<Deadline> deadlines,
        List<Overdue> overdue,
        DeliveryStatusQueries.Status delivery,
        List<DeliveryStatusQueries.Failure> failures,
        Instant asOf) {

    static final int DEADLINES = 6;

    record Deadline(long campaignId, String campaign, String region, LocalDate date, long days, long open) {

        public String when() {
            return days == 0 ? "today" : days == 1 ? "tomorrow" : "in " + days + " days";
        }
    }

    record Overdue(long campaignId, String campaign, String region, LocalDate deadline, long people) {}

    static HomeView of(
            boolean anyEmployees,
            boolean anyPlaybooks,
            Overview overview,
            DeliveryStatusQueries.Status delivery,
            List<DeliveryStatusQueries.Failure> failures,
            LocalDate today) {
        List<Overview.CampaignCompliance> running = overview.campaigns().stream()
                .filter(c -> c.status().isRunning())
                .toList();
        List<Deadline> deadlines = new ArrayList<>();
        List<Overdue> overdue = new ArrayList<>();
        for (Overview.CampaignCompliance c : running) {
            for (Overview.RegionCompliance r : c.regions()) {
                if (r.deadline() == null) {
                    continue;
                }
                if (r.overdue() > 0) {
                    overdue.add(new Overdue(c.id(), c.name(), r.region(), r.deadline(), r.overdue()));
                } else if (!r.deadline().isBefore(today) && r.completed() < r.recipients()) {
                    deadlines.add(new Deadline(
                            c.id(),
                            c.name(),
                            r.region(),
                            r.deadline(),
                            ChronoUnit.DAYS.between(today, r.deadline()),
                            r.recipients() - r.completed()));
                }
            }
        }
        deadlines.sort(Comparator.comparing(Deadline::date).thenComparing(Deadline::region));
        overdue.sort(Comparator.comparing(Overdue::people).reversed());
        return new HomeView(
                anyEmployees,
                anyPlaybooks,
                !overview.campaigns().isEmpty(),
                running,
                deadlines.subList(0, Math.min(DEADLINES, deadlines.size())),
                overdue,
                delivery,
                failures,
                overview.asOf());
    }

    /** Whether the first steps are still to be done: then the page leads with them. */
    public boolean gettingStarted() {
        return !anyEmployees || !anyPlaybooks || !anyLaunched;
    }

    public boolean attention() {
        return !delivery.healthy() || !failures.isEmpty() || !overdue.isEmpty();
    }

    public long runningRecipients() {
        return running.stream()
                .mapToLong(Overview.CampaignCompliance::recipients)
                .sum();
    }

    public long runningCompleted() {
        return running.stream()
                .mapToLong(Overview.CampaignCompliance::completed)
                .sum();
    }

    public double runningRate() {
        long recipients = runningRecipients();
        return recipients == 0 ? 0 : (double) runningCompleted() / recipients;
    }

    public long overduePeople() {
        return overdue.stream().mapToLong(Overdue::people).sum();
    }
}
