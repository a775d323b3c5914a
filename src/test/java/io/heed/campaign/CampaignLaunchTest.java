package io.heed.campaign;

import static io.heed.support.Api.asAdmin;
import static io.heed.support.Api.asRegionOfficer;
import static io.heed.support.Scenario.act;
import static io.heed.support.Scenario.audience;
import static io.heed.support.Scenario.createDraft;
import static io.heed.support.Scenario.request;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.security.LinkTokens;
import io.heed.support.Api;
import io.heed.support.Database;
import io.heed.support.Scenario;
import io.heed.support.TestPlaybooks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Launching: who becomes a recipient, when each is planned, and what stays frozen afterwards. */
@QuarkusTest
class CampaignLaunchTest {

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void seed() {
        Database.reset(dataSource);
        Scenario.seedDirectory();
    }

    private Set<String> recipientsOf(Map<String, Object> audience) {
        Map<String, Object> body = request("Audience");
        if (audience != null) {
            body.put("audience", audience);
        }
        long id = createDraft(body);
        act(id, "launch").statusCode(200).body("status", org.hamcrest.Matchers.oneOf("SENDING", "ACTIVE"));
        return new TreeSet<>(entityManager
                .createQuery("select r.email from Recipient r where r.campaignId = ?1", String.class)
                .setParameter(1, id)
                .getResultList());
    }

    @Test
    void anEmptyAudienceIsEveryActiveEmployee() {
        assertEquals(
                Set.of(
                        "anna@example.com",
                        "ben@example.com",
                        "mia@example.com",
                        "noah@example.com",
                        "liam@example.com",
                        "yuki@example.com"),
                recipientsOf(null));
    }

    @Test
    void filtersCombineIncludesAddAndExcludesWin() {
        assertEquals(
                Set.of("anna@example.com", "ben@example.com", "mia@example.com"),
                recipientsOf(audience(List.of("EMEA"), List.of(), List.of(), List.of(), List.of())));
        assertEquals(
                Set.of("anna@example.com", "mia@example.com", "noah@example.com", "yuki@example.com"),
                recipientsOf(audience(List.of(), List.of("Engineering"), List.of(), List.of(), List.of())));
        assertEquals(
                Set.of("noah@example.com", "liam@example.com", "yuki@example.com"),
                recipientsOf(audience(List.of(), List.of(), List.of("US", "JP"), List.of(), List.of())));
        assertEquals(
                Set.of("anna@example.com", "mia@example.com", "liam@example.com"),
                recipientsOf(audience(
                        List.of("EMEA"), List.of("Engineering"), List.of(), List.of("LIAM@example.com"), List.of())));
        assertEquals(
                Set.of("anna@example.com", "mia@example.com"),
                recipientsOf(audience(
                        List.of("EMEA"),
                        List.of(),
                        List.of(),
                        List.of("ben@example.com"),
                        List.of("ben@example.com"))));
    }

    @Test
    void launchingSnapshotsOncePinsTheVersionAndCannotRepeat() {
        long id = createDraft(request("Snapshot"));
        act(id, "launch")
                .statusCode(200)
                // The built-in catcher is quick: the invitations may all be out before the response is.
                .body("status", org.hamcrest.Matchers.oneOf("SENDING", "ACTIVE"))
                .body("playbookVersion", org.hamcrest.Matchers.notNullValue())
                .body("counts.recipients", equalTo(6));
        act(id, "launch").statusCode(409);
        act(id, "schedule").statusCode(409);
        assertEquals(
                6,
                Database.count(
                        dataSource,
                        "select count(distinct link_nonce) from recipient where campaign_id = " + id
                                + " and octet_length(link_nonce) = " + LinkTokens.NONCE_BYTES),
                "each recipient has a nonce of its own, of the size LinkTokens verifies");
        // The directory changes after launch; the campaign's recipients do not.
        Api.importEmployees(
                        "email,name,region\nnew@example.com,New Joiner,EMEA\nanna@example.com,Anna Renamed,APAC\n", "")
                .statusCode(200);
        asAdmin().get("/api/v1/campaigns/" + id).then().body("counts.recipients", equalTo(6));
        String annaRegion = entityManager
                .createQuery(
                        "select r.region from Recipient r where r.campaignId = ?1 and r.email = 'anna@example.com'",
                        String.class)
                .setParameter(1, id)
                .getSingleResult();
        assertEquals("EMEA", annaRegion);
        asAdmin().get("/api/v1/audit").then().body("items.action", hasItem("campaign.launch"));
        // Every invitation goes out (to the built-in catcher): the campaign moves on to collecting answers.
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .untilAsserted(() -> asAdmin()
                        .get("/api/v1/campaigns/" + id)
                        .then()
                        .body("status", equalTo("ACTIVE"))
                        .body("counts.sent", equalTo(6))
                        .body("counts.queued", equalTo(0))
                        .body("allSentAt", org.hamcrest.Matchers.notNullValue()));
    }

    @Test
    void aLaunchedCampaignKeepsShowingItsPinnedPlaybookVersion() {
        Map<String, Object> playbook = TestPlaybooks.minimal("pinned-" + System.nanoTime(), "Version one title");
        String key = (String) playbook.get("key");
        asAdmin()
                .contentType(ContentType.JSON)
                .body(playbook)
                .post("/api/v1/playbooks")
                .then()
                .statusCode(201);
        Map<String, Object> body = request("Pinned");
        body.put("playbook", key);
        long id = createDraft(body);
        act(id, "launch").statusCode(200).body("playbookVersion", equalTo(1));

        playbook.put(
                "templates",
                Map.of(
                        "invitation.html", "<p>EDITED {recipient.name}</p>{link}",
                        "invitation.txt", "EDITED {recipient.name} {link}",
                        "reminder.html", "<p>EDITED</p>{link}",
                        "reminder.txt", "EDITED {link}"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(playbook)
                .post("/api/v1/playbooks")
                .then()
                .statusCode(201)
                .body("version", equalTo(2));

        asAdmin()
                .queryParam("email", "anna@example.com")
                .get("/api/v1/campaigns/" + id + "/preview")
                .then()
                .statusCode(200)
                .body("playbookVersion", equalTo(1))
                .body("text", startsWith("Hi Anna Berg"))
                .body("text", not(containsString("EDITED")))
                .body("linkIsPlaceholder", equalTo(false))
                .body("link", startsWith("http://localhost:8080/ack/"));
        // A draft created now previews the new version.
        Map<String, Object> later = request("Later");
        later.put("playbook", key);
        long draft = createDraft(later);
        asAdmin()
                .queryParam("email", "anna@example.com")
                .get("/api/v1/campaigns/" + draft + "/preview")
                .then()
                .body("playbookVersion", equalTo(2))
                .body("text", startsWith("EDITED"));
        // The list shows each campaign's pinned version: the launched one keeps 1, the draft is not pinned yet.
        asAdmin()
                .get("/api/v1/campaigns")
                .then()
                .statusCode(200)
                .body("items.find { it.id == " + id + " }.playbookVersion", equalTo(1))
                .body("items.find { it.id == " + draft + " }.status", equalTo("DRAFT"))
                .body("items.find { it.id == " + draft + " }.playbookVersion", org.hamcrest.Matchers.nullValue());
        asAdmin().get("/api/v1/audit").then().body("items.action", hasItem("campaign.preview-personal-link"));
    }

    @Test
    void recipientsArePlannedAtTheirLocalSendTimeSpreadAndGetTheirRegionsDeadline() {
        Map<String, Object> body = request("Local time");
        body.put("localSendTime", "09:00");
        body.put("spreadOver", "PT1H");
        body.put("deadlines", Map.of("EMEA", "2027-01-31", "*", "2027-02-15"));
        long id = createDraft(body);
        act(id, "launch").statusCode(200);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "select r.email, r.time_zone, r.planned_at, heed_next_local_time(c.launched_at, time '09:00', r.time_zone),"
                                + " r.deadline_at from recipient r join campaign c on c.id = r.campaign_id where c.id = ?1 order by r.employee_id")
                .setParameter(1, id)
                .getResultList();
        assertEquals(6, rows.size());
        long previousOffset = -1;
        for (Object[] row : rows) {
            Instant planned = instant(row[2]);
            Instant localNine = instant(row[3]);
            long offset = planned.getEpochSecond() - localNine.getEpochSecond();
            assertTrue(
                    offset >= 0 && offset < 3600, row[0] + " is spread within the hour after 09:00 local: " + offset);
            assertTrue(offset > previousOffset, "spread evenly, in order");
            previousOffset = offset;
            String zone = (String) row[1];
            String expectedDeadline = switch ((String) row[0]) {
                case "anna@example.com", "ben@example.com", "mia@example.com" -> "2027-02-01T00:00";
                default -> "2027-02-16T00:00";
            };
            assertEquals(
                    java.time.LocalDateTime.parse(expectedDeadline)
                            .atZone(java.time.ZoneId.of(zone))
                            .toInstant(),
                    instant(row[4]),
                    row[0] + ": deadline is the end of the day in their zone");
        }
    }

    @Test
    void lateJoinersAreAddedExplicitly() {
        long id = createDraft(request("Late"));
        act(id, "launch").statusCode(200);
        Api.importEmployees("email,name,region\nnew@example.com,New Joiner,EMEA\n", "")
                .statusCode(200);
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("emails", List.of("NEW@example.com", "anna@example.com", "gone@example.com")))
                .post("/api/v1/campaigns/" + id + "/recipients")
                .then()
                .statusCode(200)
                .body("added", equalTo(1))
                .body("alreadyRecipients", hasItem("anna@example.com"))
                .body("notActiveEmployees", hasItem("gone@example.com"));
        asAdmin().get("/api/v1/campaigns/" + id).then().body("counts.recipients", equalTo(7));
        long draft = createDraft(request("Not launched"));
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("emails", List.of("new@example.com")))
                .post("/api/v1/campaigns/" + draft + "/recipients")
                .then()
                .statusCode(409)
                .body("state", equalTo("DRAFT"));
    }

    @Test
    void sendingAndActiveCampaignsPauseResumeAndClose() {
        // Invitations planned hours ahead (at a local time still to come in every zone) keep it SENDING.
        Map<String, Object> running = request("Running");
        running.put(
                "localSendTime",
                java.time.LocalTime.now(java.time.ZoneOffset.UTC)
                        .plusHours(6)
                        .withSecond(0)
                        .withNano(0)
                        .toString());
        long id = createDraft(running);
        act(id, "launch").statusCode(200);
        act(id, "pause").statusCode(200).body("status", equalTo("PAUSED")).body("pausedFrom", equalTo("SENDING"));
        act(id, "resume").statusCode(200).body("status", equalTo("SENDING"));
        act(id, "close").statusCode(200).body("status", equalTo("CLOSED"));
        for (String action : List.of("launch", "pause", "resume", "cancel", "close", "schedule")) {
            act(id, action).statusCode(409).body("state", equalTo("CLOSED"));
        }
        long active = createDraft(request("Active"));
        act(active, "launch").statusCode(200);
        Database.execute(dataSource, "update campaign set status = 'ACTIVE', all_sent_at = now() where id = " + active);
        act(active, "cancel").statusCode(409).body("state", equalTo("ACTIVE"));
        act(active, "pause").statusCode(200).body("pausedFrom", equalTo("ACTIVE"));
        act(active, "cancel").statusCode(409).body("state", equalTo("PAUSED"));
        act(active, "resume").statusCode(200).body("status", equalTo("ACTIVE"));
        act(active, "close").statusCode(200).body("status", equalTo("CLOSED"));
    }

    @Test
    void aDueScheduledCampaignLaunchesByItself() {
        Map<String, Object> body = request("Due");
        body.put("sendAt", Instant.now().plusSeconds(1).toString());
        long id = createDraft(body);
        act(id, "schedule").statusCode(200);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .untilAsserted(() -> asAdmin()
                        .get("/api/v1/campaigns/" + id)
                        .then()
                        .body("status", org.hamcrest.Matchers.oneOf("SENDING", "ACTIVE")));
    }

    @Test
    void regionOfficersCountOnlyTheirRegions() {
        long id = createDraft(request("Scoped counts"));
        act(id, "launch").statusCode(200);
        asRegionOfficer("EMEA").get("/api/v1/campaigns/" + id).then().body("counts.recipients", equalTo(3));
        asRegionOfficer("APAC").get("/api/v1/campaigns/" + id).then().body("counts.recipients", equalTo(1));
        asAdmin().get("/api/v1/campaigns/" + id).then().body("counts.recipients", equalTo(6));
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime odt
                ? odt.toInstant()
                : value instanceof java.sql.Timestamp ts ? ts.toInstant() : (Instant) value;
    }
}
