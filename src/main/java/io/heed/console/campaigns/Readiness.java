package io.heed.console.campaigns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checklist a campaign must pass before it can be launched or scheduled, each item saying how to fix it and
 * where: the SMTP relay delivered a check message, a test invitation of this campaign was delivered, the audience
 * is not empty, and every region of the audience has a deadline. The review page shows it; the launch re-checks it.
 */
record Readiness(List<Item> items) {

    /** One check: passed or not, what it means, how to fix it and on which step. */
    record Item(String key, boolean ok, String title, String detail, String fix, String href) {}

    /**
     * @param checkDelivered the latest SMTP check message was accepted by the relay
     * @param checkState that message's state (null: none sent)
     * @param testDelivered a test invitation of this campaign was accepted by the relay
     * @param recipients the audience's size
     * @param regions the audience's regions
     * @param deadlines the campaign's deadlines by region ({@code *}: every other region)
     */
    static Readiness of(
            long campaignId,
            boolean checkDelivered,
            String checkState,
            boolean testDelivered,
            long recipients,
            Set<String> regions,
            Map<String, ?> deadlines) {
        String wizard = "/console/campaigns/" + campaignId + "/wizard/";
        List<Item> items = new ArrayList<>();
        items.add(new Item(
                "smtp",
                checkDelivered,
                "The SMTP relay delivered a check message",
                checkDelivered
                        ? "The latest check message was accepted by the relay."
                        : checkState == null
                                ? "No check message has been sent yet."
                                : "The latest check message is " + checkState.toLowerCase() + ".",
                "Send a check message below, then reload this page once it is delivered.",
                wizard + "review#smtp-check"));
        items.add(new Item(
                "test",
                testDelivered,
                "A test invitation was delivered",
                testDelivered
                        ? "A test of this campaign's invitation was accepted by the relay."
                        : "No test of this campaign's invitation has been delivered yet.",
                "Send a test invitation to yourself on the Preview step.",
                wizard + "preview"));
        items.add(new Item(
                "audience",
                recipients > 0,
                "The audience is not empty",
                recipients > 0
                        ? String.format(java.util.Locale.ENGLISH, "%,d active employees will be asked.", recipients)
                        : "No active employee matches the audience.",
                "Widen the audience on the Audience step.",
                wizard + "audience"));
        List<String> missing = regions.stream()
                .filter(r -> !deadlines.containsKey(r) && !deadlines.containsKey("*"))
                .sorted()
                .toList();
        items.add(new Item(
                "deadlines",
                missing.isEmpty() && !regions.isEmpty(),
                "Every region of the audience has a deadline",
                regions.isEmpty()
                        ? "The audience has no region yet."
                        : missing.isEmpty()
                                ? "Each region's people know by when to act."
                                : "No deadline for " + String.join(", ", missing) + ".",
                "Set a date for each region on the Deadlines step.",
                wizard + "deadlines"));
        return new Readiness(List.copyOf(items));
    }

    public boolean ready() {
        return items.stream().allMatch(Item::ok);
    }

    public long open() {
        return items.stream().filter(i -> !i.ok()).count();
    }

    /** Why the campaign may not launch yet, in one sentence. */
    String reason() {
        return "Not ready to launch: "
                + String.join(
                        "; ",
                        items.stream()
                                .filter(i -> !i.ok())
                                .map(i -> i.title().toLowerCase().replaceFirst("^the ", "") + " (" + i.detail() + ")")
                                .toList())
                + ".";
    }
}
