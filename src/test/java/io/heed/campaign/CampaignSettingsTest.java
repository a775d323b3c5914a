package io.heed.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.platform.error.FieldProblem;
import io.heed.platform.error.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The rules of a campaign's settings, field by field, without a database: the lookups are given. */
class CampaignSettingsTest {

    private static final CampaignSettings SETTINGS = new CampaignSettings(new CampaignSettings.Lookups(
            Set.of("linkedin-genai-optout")::contains, Set.of("anna@example.com", "ANNA@example.com")::contains));

    private static final Audience NOBODY_NAMED = Audience.EVERYONE;

    @Test
    void aValidRequestIsCopiedOntoTheCampaign() {
        Campaign campaign = new Campaign();
        Map<String, LocalDate> deadlines = new HashMap<>();
        deadlines.put("EMEA", LocalDate.parse("2027-01-31"));
        deadlines.put("*", LocalDate.parse("2027-02-15"));
        Audience audience = new Audience(
                List.of(" EMEA "), List.of("Sales"), List.of("DE"), List.of("anna@example.com"), List.of("x@y.org"));
        SETTINGS.apply(
                new CampaignRequest(
                        "  LinkedIn opt-out  ",
                        "linkedin-genai-optout",
                        audience,
                        Instant.parse("2027-01-11T08:00:00Z"),
                        "09:30",
                        "PT4H",
                        120,
                        new CampaignRequest.Reminders(3, 2),
                        deadlines,
                        7),
                campaign);
        assertEquals("LinkedIn opt-out", campaign.name);
        assertEquals("linkedin-genai-optout", campaign.playbookKey);
        assertEquals(List.of("EMEA"), campaign.audience.regions());
        assertEquals(Instant.parse("2027-01-11T08:00:00Z"), campaign.sendAt);
        assertEquals(LocalTime.of(9, 30), campaign.localSendTime);
        assertEquals(4 * 3600L, campaign.spreadOverSeconds);
        assertEquals(120, campaign.ratePerMinute);
        assertEquals(3, campaign.reminderEveryDays);
        assertEquals(2, campaign.reminderMax);
        assertEquals(new TreeMap<>(deadlines), campaign.deadlines);
        assertEquals(7, campaign.escalateAfterDays);
    }

    @Test
    void theLeastRequestIsANameAndAPlaybook() {
        Campaign campaign = new Campaign();
        SETTINGS.apply(request("Minimal"), campaign);
        assertEquals(Audience.EVERYONE, campaign.audience);
        assertNull(campaign.sendAt);
        assertNull(campaign.localSendTime);
        assertNull(campaign.spreadOverSeconds);
        assertNull(campaign.ratePerMinute);
        assertNull(campaign.reminderEveryDays);
        assertNull(campaign.reminderMax);
        assertTrue(campaign.deadlines.isEmpty());
        assertNull(campaign.escalateAfterDays);
    }

    @Test
    void aMissingBodyIsRefused() {
        Refusal refusal = assertThrows(Refusal.class, () -> SETTINGS.apply(null, new Campaign()));
        assertEquals(Refusal.Kind.INVALID, refusal.kind());
        assertEquals("A JSON body with the campaign is required.", refusal.reason());
    }

    @Test
    void nameIsRequiredAndAtMost200Characters() {
        assertProblem(request(null), "name", "required");
        assertProblem(request("   "), "name", "required");
        assertProblem(request("x".repeat(201)), "name", "longer than 200 characters");
        SETTINGS.apply(request("x".repeat(200)), new Campaign());
    }

    @Test
    void playbookIsRequiredAndMustExist() {
        assertProblem(with(request("P"), null), "playbook", "required");
        assertProblem(with(request("P"), " "), "playbook", "required");
        assertProblem(with(request("P"), "no-such-playbook"), "playbook", "no playbook 'no-such-playbook'");
    }

    @Test
    void audienceCountriesAreIsoCodesAndNamedPeopleValid() {
        assertProblem(
                audience(new Audience(List.of(), List.of(), List.of("XX"), List.of(), List.of())),
                "audience.countries",
                "'XX' is not an ISO 3166-1 alpha-2 code");
        assertProblem(
                audience(new Audience(List.of(), List.of(), List.of(), List.of("not-an-address"), List.of())),
                "audience.includeEmails",
                "'not-an-address' is not a valid e-mail address");
        assertProblem(
                audience(new Audience(List.of(), List.of(), List.of(), List.of("gone@example.com"), List.of())),
                "audience.includeEmails",
                "'gone@example.com' is not an active employee");
        assertProblem(
                audience(new Audience(List.of(), List.of(), List.of(), List.of(), List.of("not-an-address"))),
                "audience.excludeEmails",
                "'not-an-address' is not a valid e-mail address");
        // Excluding someone who is not (or no longer) an employee is harmless.
        SETTINGS.apply(
                audience(new Audience(List.of(), List.of(), List.of(), List.of(), List.of("gone@example.com"))),
                new Campaign());
    }

    @Test
    void localSendTimeIsHoursAndMinutes() {
        for (String bad : List.of("25:00", "9:30", "09:60", "09:30:00", "noon")) {
            assertProblem(localSendTime(bad), "localSendTime", "'" + bad + "' is not HH:mm");
        }
        for (String good : List.of("00:00", "09:30", "23:59")) {
            SETTINGS.apply(localSendTime(good), new Campaign());
        }
    }

    @Test
    void spreadIsAPositiveIsoDurationOfAtMost30Days() {
        assertProblem(spread("four hours"), "spreadOver", "'four hours' is not an ISO-8601 duration such as PT4H");
        for (String bad : List.of("PT0S", "-PT1H", "P31D")) {
            assertProblem(spread(bad), "spreadOver", "must be positive and at most 30 days");
        }
        Campaign campaign = new Campaign();
        SETTINGS.apply(spread("P30D"), campaign);
        assertEquals(30 * 86_400L, campaign.spreadOverSeconds);
    }

    @Test
    void rateIsBetweenOneAndTheMaximum() {
        for (int bad : List.of(0, -1, CampaignSettings.MAX_RATE + 1)) {
            assertProblem(rate(bad), "ratePerMinute", "must be between 1 and " + CampaignSettings.MAX_RATE);
        }
        SETTINGS.apply(rate(1), new Campaign());
        SETTINGS.apply(rate(CampaignSettings.MAX_RATE), new Campaign());
    }

    @Test
    void remindersNeedAnIntervalAndAMaximum() {
        String interval = "required with reminders; between 1 and 365";
        String max = "required with reminders; between 0 and " + CampaignSettings.MAX_REMINDERS;
        assertProblem(reminders(null, 2), "reminders.everyDays", interval);
        assertProblem(reminders(0, 2), "reminders.everyDays", interval);
        assertProblem(reminders(366, 2), "reminders.everyDays", interval);
        assertProblem(reminders(3, null), "reminders.max", max);
        assertProblem(reminders(3, -1), "reminders.max", max);
        assertProblem(reminders(3, CampaignSettings.MAX_REMINDERS + 1), "reminders.max", max);
        SETTINGS.apply(reminders(1, 0), new Campaign());
        SETTINGS.apply(reminders(365, CampaignSettings.MAX_REMINDERS), new Campaign());
    }

    @Test
    void deadlinesNameARegionAndADate() {
        Map<String, LocalDate> blankRegion = new HashMap<>();
        blankRegion.put(" ", LocalDate.parse("2027-01-31"));
        assertProblem(deadlines(blankRegion), "deadlines", "a region name is empty");
        Map<String, LocalDate> noDate = new HashMap<>();
        noDate.put("EMEA", null);
        assertProblem(deadlines(noDate), "deadlines.EMEA", "date required (YYYY-MM-DD)");
    }

    @Test
    void escalationIsBetweenOneAnd365Days() {
        for (int bad : List.of(0, 366)) {
            assertProblem(escalate(bad), "escalateToManagerAfterDays", "must be between 1 and 365");
        }
        SETTINGS.apply(escalate(1), new Campaign());
        SETTINGS.apply(escalate(365), new Campaign());
    }

    @Test
    void everyProblemIsReportedAtOnceAndNothingIsCopied() {
        Campaign campaign = new Campaign();
        campaign.name = "Before";
        Refusal refusal = assertThrows(
                Refusal.class,
                () -> SETTINGS.apply(
                        new CampaignRequest(
                                "",
                                "no-such-playbook",
                                new Audience(List.of(), List.of(), List.of("XX"), List.of(), List.of()),
                                null,
                                "25:00",
                                "four hours",
                                0,
                                new CampaignRequest.Reminders(0, null),
                                null,
                                0),
                        campaign));
        assertEquals("The campaign has invalid fields.", refusal.reason());
        assertEquals(
                List.of(
                        "name",
                        "playbook",
                        "audience.countries",
                        "localSendTime",
                        "spreadOver",
                        "ratePerMinute",
                        "reminders.everyDays",
                        "reminders.max",
                        "escalateToManagerAfterDays"),
                refusal.problems().stream().map(FieldProblem::field).toList());
        assertEquals("Before", campaign.name);
    }

    // --- requests ------------------------------------------------------------------------------------------------

    private static CampaignRequest request(String name) {
        return new CampaignRequest(name, "linkedin-genai-optout", null, null, null, null, null, null, null, null);
    }

    private static CampaignRequest with(CampaignRequest r, String playbook) {
        return new CampaignRequest(
                r.name(),
                playbook,
                r.audience(),
                r.sendAt(),
                r.localSendTime(),
                r.spreadOver(),
                r.ratePerMinute(),
                r.reminders(),
                r.deadlines(),
                r.escalateToManagerAfterDays());
    }

    private static CampaignRequest audience(Audience audience) {
        return new CampaignRequest("A", "linkedin-genai-optout", audience, null, null, null, null, null, null, null);
    }

    private static CampaignRequest localSendTime(String time) {
        return new CampaignRequest(
                "A", "linkedin-genai-optout", NOBODY_NAMED, null, time, null, null, null, null, null);
    }

    private static CampaignRequest spread(String spread) {
        return new CampaignRequest(
                "A", "linkedin-genai-optout", NOBODY_NAMED, null, null, spread, null, null, null, null);
    }

    private static CampaignRequest rate(int rate) {
        return new CampaignRequest(
                "A", "linkedin-genai-optout", NOBODY_NAMED, null, null, null, rate, null, null, null);
    }

    private static CampaignRequest reminders(Integer everyDays, Integer max) {
        return new CampaignRequest(
                "A",
                "linkedin-genai-optout",
                NOBODY_NAMED,
                null,
                null,
                null,
                null,
                new CampaignRequest.Reminders(everyDays, max),
                null,
                null);
    }

    private static CampaignRequest deadlines(Map<String, LocalDate> deadlines) {
        return new CampaignRequest(
                "A", "linkedin-genai-optout", NOBODY_NAMED, null, null, null, null, null, deadlines, null);
    }

    private static CampaignRequest escalate(int days) {
        return new CampaignRequest(
                "A", "linkedin-genai-optout", NOBODY_NAMED, null, null, null, null, null, null, days);
    }

    /** The request is refused with exactly this one problem. */
    private static void assertProblem(CampaignRequest request, String field, String reason) {
        Refusal refusal = assertThrows(Refusal.class, () -> SETTINGS.apply(request, new Campaign()));
        assertEquals(Refusal.Kind.INVALID, refusal.kind());
        assertEquals(List.of(new FieldProblem(field, reason)), refusal.problems());
    }
}
