package io.heed.campaign;

import static io.heed.support.Api.asAdmin;
import static io.heed.support.Api.asAuditor;
import static io.heed.support.Api.asRegionOfficer;
import static io.heed.support.Scenario.act;
import static io.heed.support.Scenario.create;
import static io.heed.support.Scenario.createDraft;
import static io.heed.support.Scenario.request;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.heed.support.Database;
import io.heed.support.Scenario;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Creating, editing and moving campaigns through their states, legal and illegal moves alike. */
@QuarkusTest
class CampaignLifecycleTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    void seed() {
        Database.reset(dataSource);
        Scenario.seedDirectory();
    }

    @Test
    void aNewCampaignIsADraftWithEverySettingKept() {
        Map<String, Object> body = request("LinkedIn opt-out, EMEA");
        body.put(
                "audience",
                Scenario.audience(
                        List.of("EMEA"),
                        List.of(),
                        List.of("DE", "GB"),
                        List.of("yuki@example.com"),
                        List.of("ben@example.com")));
        body.put("sendAt", "2027-01-11T08:00:00Z");
        body.put("localSendTime", "09:30");
        body.put("spreadOver", "PT4H");
        body.put("ratePerMinute", 120);
        body.put("reminders", Map.of("everyDays", 3, "max", 2));
        body.put("deadlines", Map.of("EMEA", "2027-01-31", "*", "2027-02-15"));
        body.put("escalateToManagerAfterDays", 7);
        create(body)
                .statusCode(201)
                .header("Location", containsString("/api/v1/campaigns/"))
                .body("status", equalTo("DRAFT"))
                .body("playbook", equalTo("linkedin-genai-optout"))
                .body("playbookVersion", nullValue())
                .body("audience.regions", hasItem("EMEA"))
                .body("audience.excludeEmails", hasItem("ben@example.com"))
                .body("sendAt", equalTo("2027-01-11T08:00:00Z"))
                .body("localSendTime", equalTo("09:30"))
                .body("spreadOver", equalTo("PT4H"))
                .body("ratePerMinute", equalTo(120))
                .body("reminders.everyDays", equalTo(3))
                .body("reminders.max", equalTo(2))
                .body("deadlines.EMEA", equalTo("2027-01-31"))
                .body("deadlines.'*'", equalTo("2027-02-15"))
                .body("escalateToManagerAfterDays", equalTo(7))
                .body("counts.recipients", equalTo(0));
    }

    @Test
    void invalidSettingsAreAllReported() {
        Map<String, Object> body = request("");
        body.put("playbook", "no-such-playbook");
        body.put("localSendTime", "25:00");
        body.put("spreadOver", "four hours");
        body.put("ratePerMinute", 0);
        body.put("reminders", Map.of("everyDays", 0));
        body.put("escalateToManagerAfterDays", 0);
        body.put(
                "audience",
                Scenario.audience(
                        List.of(),
                        List.of(),
                        List.of("XX"),
                        List.of("stranger@example.com", "gone@example.com"),
                        List.of("not-an-address")));
        create(body)
                .statusCode(400)
                .body("reason", equalTo("The campaign has invalid fields."))
                .body(
                        "problems.field",
                        hasItems(
                                "name",
                                "playbook",
                                "localSendTime",
                                "spreadOver",
                                "ratePerMinute",
                                "reminders.everyDays",
                                "reminders.max",
                                "escalateToManagerAfterDays",
                                "audience.countries",
                                "audience.includeEmails",
                                "audience.excludeEmails"))
                .body("problems.reason", hasItem("'gone@example.com' is not an active employee"));
        Map<String, Object> badDate = request("Bad date");
        badDate.put("sendAt", "tomorrow");
        create(badDate).statusCode(400).body("reason", containsString("sendAt"));
        assertNoCampaigns();
    }

    @Test
    void draftsAndScheduledCampaignsCanBeEditedOthersCannot() {
        long id = createDraft(request("First name"));
        Map<String, Object> edited = request("Second name");
        edited.put("sendAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        asAdmin()
                .contentType(ContentType.JSON)
                .body(edited)
                .put("/api/v1/campaigns/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Second name"));
        act(id, "schedule").statusCode(200).body("status", equalTo("SCHEDULED"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(request("Third name"))
                .put("/api/v1/campaigns/" + id)
                .then()
                .statusCode(409)
                .body("state", equalTo("SCHEDULED"))
                .body("reason", containsString("sendAt"));
        act(id, "cancel").statusCode(200);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(request("Fourth"))
                .put("/api/v1/campaigns/" + id)
                .then()
                .statusCode(409)
                .body("state", equalTo("CANCELLED"))
                .body("reason", equalTo("Cannot edit a campaign that is CANCELLED."));
    }

    @Test
    void scheduleNeedsASendTime() {
        long id = createDraft(request("No time"));
        act(id, "schedule").statusCode(409).body("state", equalTo("DRAFT")).body("reason", containsString("sendAt"));
    }

    @Test
    void illegalMovesFromADraftAre409WithTheState() {
        long id = createDraft(request("Draft"));
        for (String action : List.of("pause", "resume", "close")) {
            act(id, action)
                    .statusCode(409)
                    .body("state", equalTo("DRAFT"))
                    .body("reason", equalTo("Cannot " + action + " a campaign that is DRAFT."));
        }
    }

    @Test
    void aScheduledCampaignPausesResumesAndCancels() {
        Map<String, Object> body = request("Scheduled");
        body.put("sendAt", Instant.now().plus(2, ChronoUnit.DAYS).toString());
        long id = createDraft(body);
        act(id, "schedule").statusCode(200).body("status", equalTo("SCHEDULED"));
        act(id, "schedule").statusCode(409).body("state", equalTo("SCHEDULED"));
        act(id, "close").statusCode(409);
        act(id, "pause").statusCode(200).body("status", equalTo("PAUSED")).body("pausedFrom", equalTo("SCHEDULED"));
        act(id, "pause").statusCode(409).body("state", equalTo("PAUSED"));
        act(id, "resume").statusCode(200).body("status", equalTo("SCHEDULED")).body("pausedFrom", nullValue());
        act(id, "cancel")
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("endedAt", org.hamcrest.Matchers.notNullValue());
        for (String action : List.of("schedule", "launch", "pause", "resume", "cancel", "close")) {
            act(id, action).statusCode(409).body("state", equalTo("CANCELLED"));
        }
        asAdmin()
                .get("/api/v1/audit")
                .then()
                .body(
                        "items.action",
                        hasItems(
                                "campaign.create",
                                "campaign.schedule",
                                "campaign.pause",
                                "campaign.resume",
                                "campaign.cancel"));
    }

    @Test
    void aScheduledCampaignOnHoldIsNotRunningItTakesNoRecipientsAndIsNotClosed() {
        Map<String, Object> body = request("On hold");
        body.put("sendAt", Instant.now().plus(2, ChronoUnit.DAYS).toString());
        long id = createDraft(body);
        act(id, "schedule").statusCode(200);
        act(id, "pause").statusCode(200).body("pausedFrom", equalTo("SCHEDULED"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("emails", List.of("anna@example.com")))
                .post("/api/v1/campaigns/" + id + "/recipients")
                .then()
                .statusCode(409)
                .body("state", equalTo("PAUSED"));
        act(id, "close").statusCode(409).body("state", equalTo("PAUSED"));
        act(id, "resume").statusCode(200).body("status", equalTo("SCHEDULED")).body("counts.recipients", equalTo(0));
        org.junit.jupiter.api.Assertions.assertEquals(
                0, Database.count(dataSource, "select count(*) from outbox_message"), "no invitation was queued");
    }

    @Test
    void onlyAdminsChangeCampaignsOthersRead() {
        long id = createDraft(request("Readable"));
        asAuditor().get("/api/v1/campaigns/" + id).then().statusCode(200).body("name", equalTo("Readable"));
        asRegionOfficer("EMEA").get("/api/v1/campaigns").then().statusCode(200).body("items.id", hasItem((int) id));
        asAuditor()
                .contentType(ContentType.JSON)
                .post("/api/v1/campaigns/" + id + "/launch")
                .then()
                .statusCode(403);
        asRegionOfficer("EMEA")
                .contentType(ContentType.JSON)
                .body(request("Mine"))
                .post("/api/v1/campaigns")
                .then()
                .statusCode(403);
        asAdmin().get("/api/v1/campaigns/999999").then().statusCode(404);
        asAdmin()
                .queryParam("status", "sideways")
                .get("/api/v1/campaigns")
                .then()
                .statusCode(400);
    }

    private void assertNoCampaigns() {
        org.junit.jupiter.api.Assertions.assertEquals(0, Database.count(dataSource, "select count(*) from campaign"));
    }
}
