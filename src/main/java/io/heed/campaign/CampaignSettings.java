package io.heed.campaign;

import io.heed.platform.EmailAddresses;
import io.heed.platform.error.FieldProblem;
import io.heed.platform.error.Refusal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks a {@link CampaignRequest} field by field and copies it onto a campaign; every problem at once. What it
 * must ask the rest of Heed (does a playbook exist, is an address an active employee) comes in as
 * {@link Lookups}, so the rules are tested without a database.
 */
final class CampaignSettings {

    /**
     * @param playbookExists whether a playbook key names a playbook with at least one version
     * @param activeEmployee whether an e-mail address is an active employee's
     */
    record Lookups(Predicate<String> playbookExists, Predicate<String> activeEmployee) {}

    private static final Pattern LOCAL_TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Duration MAX_SPREAD = Duration.ofDays(30);
    static final int MAX_RATE = 100_000;
    static final int MAX_REMINDERS = 10;

    private final Lookups lookups;

    CampaignSettings(Lookups lookups) {
        this.lookups = lookups;
    }

    void apply(CampaignRequest request, Campaign campaign) {
        if (request == null) {
            throw Refusal.invalid("A JSON body with the campaign is required.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (request.name() == null || request.name().isBlank()) {
            problems.add(new FieldProblem("name", "required"));
        } else if (request.name().length() > 200) {
            problems.add(new FieldProblem("name", "longer than 200 characters"));
        }
        if (request.playbook() == null || request.playbook().isBlank()) {
            problems.add(new FieldProblem("playbook", "required"));
        } else if (!lookups.playbookExists().test(request.playbook())) {
            problems.add(new FieldProblem("playbook", "no playbook '" + request.playbook() + "'"));
        }
        Audience audience = request.audience() == null ? Audience.EVERYONE : request.audience();
        audience(audience, problems);
        LocalTime localSendTime = null;
        if (request.localSendTime() != null) {
            if (LOCAL_TIME.matcher(request.localSendTime()).matches()) {
                localSendTime = LocalTime.parse(request.localSendTime());
            } else {
                problems.add(new FieldProblem("localSendTime", "'" + request.localSendTime() + "' is not HH:mm"));
            }
        }
        Long spreadSeconds = null;
        if (request.spreadOver() != null) {
            try {
                Duration spread = Duration.parse(request.spreadOver());
                if (spread.isNegative() || spread.isZero() || spread.compareTo(MAX_SPREAD) > 0) {
                    problems.add(new FieldProblem("spreadOver", "must be positive and at most 30 days"));
                } else {
                    spreadSeconds = spread.toSeconds();
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(
                        "spreadOver", "'" + request.spreadOver() + "' is not an ISO-8601 duration such as PT4H"));
            }
        }
        if (request.ratePerMinute() != null && (request.ratePerMinute() < 1 || request.ratePerMinute() > MAX_RATE)) {
            problems.add(new FieldProblem("ratePerMinute", "must be between 1 and " + MAX_RATE));
        }
        CampaignRequest.Reminders reminders = request.reminders();
        if (reminders != null) {
            if (reminders.everyDays() == null || reminders.everyDays() < 1 || reminders.everyDays() > 365) {
                problems.add(new FieldProblem("reminders.everyDays", "required with reminders; between 1 and 365"));
            }
            if (reminders.max() == null || reminders.max() < 0 || reminders.max() > MAX_REMINDERS) {
                problems.add(
                        new FieldProblem("reminders.max", "required with reminders; between 0 and " + MAX_REMINDERS));
            }
        }
        if (request.deadlines() != null) {
            request.deadlines().forEach((region, date) -> {
                if (region == null || region.isBlank()) {
                    problems.add(new FieldProblem("deadlines", "a region name is empty"));
                } else if (date == null) {
                    problems.add(new FieldProblem("deadlines." + region, "date required (YYYY-MM-DD)"));
                }
            });
        }
        Integer escalate = request.escalateToManagerAfterDays();
        if (escalate != null && (escalate < 1 || escalate > 365)) {
            problems.add(new FieldProblem("escalateToManagerAfterDays", "must be between 1 and 365"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("The campaign has invalid fields.", problems);
        }
        campaign.name = request.name().trim();
        campaign.playbookKey = request.playbook();
        campaign.audience = audience;
        campaign.sendAt = request.sendAt();
        campaign.localSendTime = localSendTime;
        campaign.spreadOverSeconds = spreadSeconds;
        campaign.ratePerMinute = request.ratePerMinute();
        campaign.reminderEveryDays = reminders == null ? null : reminders.everyDays();
        campaign.reminderMax = reminders == null ? null : reminders.max();
        campaign.deadlines = request.deadlines() == null ? new TreeMap<>() : new TreeMap<>(request.deadlines());
        campaign.escalateAfterDays = escalate;
    }

    private void audience(Audience audience, List<FieldProblem> problems) {
        for (String country : audience.countries()) {
            if (!COUNTRIES.contains(country)) {
                problems.add(
                        new FieldProblem("audience.countries", "'" + country + "' is not an ISO 3166-1 alpha-2 code"));
            }
        }
        for (String field : List.of("includeEmails", "excludeEmails")) {
            List<String> emails = field.equals("includeEmails") ? audience.includeEmails() : audience.excludeEmails();
            for (String email : emails) {
                if (!EmailAddresses.isValid(email)) {
                    problems.add(
                            new FieldProblem("audience." + field, "'" + email + "' is not a valid e-mail address"));
                } else if (field.equals("includeEmails")
                        && !lookups.activeEmployee().test(email)) {
                    problems.add(
                            new FieldProblem("audience.includeEmails", "'" + email + "' is not an active employee"));
                }
            }
        }
    }
}
