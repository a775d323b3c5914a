package io.heed.compliance;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.acknowledgement.VisitLog;
import io.heed.campaign.RecipientDeliveryState;
import io.heed.compliance.dashboard.CampaignDashboardQueries;
import io.heed.compliance.dashboard.Dashboard;
import io.heed.compliance.dashboard.GroupBy;
import io.heed.security.LinkTokens;
import io.heed.support.Api;
import io.heed.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's numbers against a hand count of {@link ComplianceScenario}. */
@QuarkusTest
class ComplianceDashboardTest {

    @Inject
    DataSource dataSource;

    @Inject
    LinkTokens linkTokens;

    @Inject
    RecipientDeliveryState delivery;

    @Inject
    VisitLog visitLog;

    @Inject
    CounterCompaction compaction;

    @Inject
    CampaignFactsQueries campaigns;

    @Inject
    io.heed.platform.database.Database database;

    @Inject
    CampaignDashboardQueries dashboards;

    ComplianceScenario scenario;

    @BeforeEach
    void play() {
        scenario = ComplianceScenario.played(dataSource, linkTokens, delivery, visitLog::flush);
    }

    private JsonPath dashboard(String query) {
        return Api.asAdmin()
                .get("/api/v1/campaigns/" + scenario.campaign + "/dashboard" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void countsByRegionMatchTheHandCount() {
        JsonPath d = dashboard("");
        assertEquals("region", d.getString("groupBy"));
        assertEquals(List.of("AMER", "APAC", "EMEA"), d.getList("groups.key"));
        assertEquals(ComplianceScenario.STEPS, d.getList("steps.key"));

        // recipients, sent, failed, visited (by a person), visited at all, completed, overdue
        group(d, "groups[2]", 3, 3, 0, 2, 3, 2, 0);
        group(d, "groups[0]", 2, 1, 1, 1, 1, 0, 0);
        group(d, "groups[1]", 1, 1, 0, 0, 0, 0, 0);
        group(d, "totals", 6, 5, 1, 3, 4, 2, 0);

        // EMEA: anna did every step (her not-applicable objection-form later done), mia none applies
        for (String step : ComplianceScenario.STEPS) {
            assertEquals(1, d.getInt("groups[2].steps.'" + step + "'.done"), step);
            assertEquals(1, d.getInt("groups[2].steps.'" + step + "'.notApplicable"), step);
        }
        assertEquals(1, d.getInt("groups[0].steps.'genai-toggle'.done"));
        assertEquals(0, d.getInt("groups[0].steps.'objection-form'.done"));
        assertEquals(1, d.getInt("groups[0].steps.'objection-form'.notApplicable"));
        assertEquals(0, d.getInt("groups[0].steps.'review-content'.done"));
        assertEquals(0, d.getInt("groups[1].steps.'genai-toggle'.done"));

        assertEquals(0.6667, d.getDouble("groups[2].completionRate"), 1e-9);
        assertEquals(0.3333, d.getDouble("totals.completionRate"), 1e-9);
        assertEquals(ComplianceScenario.EMEA_DEADLINE.toString(), d.getString("groups[2].deadline"));
        assertEquals(ComplianceScenario.OTHER_DEADLINE.toString(), d.getString("groups[0].deadline"));
        assertEquals(null, d.getString("totals.key"));
        assertEquals(null, d.getString("totals.deadline"), "two deadline dates: none for all");
    }

    @Test
    void theCampaignApiCountsTheSameRecipientsWithinTheCallersRegions() {
        String campaign = "/api/v1/campaigns/" + scenario.campaign;
        Api.asAdmin()
                .get(campaign)
                .then()
                .statusCode(200)
                .body("counts.recipients", equalTo(6))
                .body("counts.queued", equalTo(0))
                .body("counts.sent", equalTo(5))
                .body("counts.failed", equalTo(1))
                .body("counts.completed", equalTo(2));
        Api.asRegionOfficer("AMER")
                .get(campaign)
                .then()
                .statusCode(200)
                .body("counts.recipients", equalTo(2))
                .body("counts.sent", equalTo(1))
                .body("counts.failed", equalTo(1))
                .body("counts.completed", equalTo(0));
        Api.asRegionOfficer("LATAM").get(campaign).then().statusCode(200).body("counts.recipients", equalTo(0));
        Api.asAuditor()
                .get("/api/v1/campaigns")
                .then()
                .statusCode(200)
                .body("items.find { it.id == " + scenario.campaign + " }.counts.completed", equalTo(2));
    }

    @Test
    void groupsByDepartmentAndCountryAndFilters() {
        JsonPath byDepartment = dashboard("?groupBy=department");
        assertEquals(List.of("Engineering", "Sales"), byDepartment.getList("groups.key"));
        group(byDepartment, "groups[0]", 4, 4, 0, 3, 3, 2, 0);
        group(byDepartment, "groups[1]", 2, 1, 1, 0, 1, 0, 0);
        assertEquals(null, byDepartment.getString("groups[0].deadline"), "Engineering spans two deadlines");

        JsonPath byCountry = dashboard("?groupBy=country");
        assertEquals(List.of("DE", "GB", "JP", "US"), byCountry.getList("groups.key"));
        group(byCountry, "groups[0]", 2, 2, 0, 2, 2, 2, 0);
        assertEquals(ComplianceScenario.EMEA_DEADLINE.toString(), byCountry.getString("groups[0].deadline"));

        JsonPath emeaSales = dashboard("?groupBy=department&region=EMEA&department=Sales");
        assertEquals(List.of("EMEA"), emeaSales.getList("regions"));
        assertEquals("Sales", emeaSales.getString("department"));
        assertEquals(List.of("Sales"), emeaSales.getList("groups.key"));
        group(emeaSales, "totals", 1, 1, 0, 0, 1, 0, 0);

        Api.asAdmin()
                .get("/api/v1/campaigns/" + scenario.campaign + "/dashboard?groupBy=manager")
                .then()
                .statusCode(400);
        Api.asAdmin().get("/api/v1/campaigns/999999/dashboard").then().statusCode(404);
    }

    @Test
    void testSendsAndScannerVisitsAreNeverAcknowledgements() {
        assertEquals(1, Database.count(dataSource, "select count(*) from campaign_test_send"));
        JsonPath d = dashboard("");
        assertEquals(6, d.getInt("totals.recipients"), "the test send made no recipient");
        // ben's page was opened by a scanner only: counted as a visit including automated ones, nowhere else
        JsonPath ben = dashboard("?region=EMEA&department=Sales");
        group(ben, "totals", 1, 1, 0, 0, 1, 0, 0);
        assertEquals(0, ben.getInt("totals.steps.'genai-toggle'.done"));
    }

    @Test
    void timelineCountsCompletionsPerUtcDayCumulatively() {
        JsonPath d = dashboard("");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        List<Map<String, Object>> timeline = d.getList("timeline");
        assertEquals(today, timeline.get(timeline.size() - 1).get("date"));
        assertEquals(2, timeline.get(timeline.size() - 1).get("cumulative"));
        assertEquals(
                2,
                timeline.stream()
                        .mapToInt(day -> (Integer) day.get("completed"))
                        .sum());
    }

    @Test
    void countsAreExactBeforeAndAfterCompactionAndEqualARecount() {
        String before = dashboard("?groupBy=country").prettify().replaceAll("\"asOf\".*", "");
        assertTrue(Database.count(dataSource, "select count(*) from compliance_count_delta") > 0);
        compaction.compact();
        assertEquals(0, Database.count(dataSource, "select count(*) from compliance_count_delta"));
        String compacted = dashboard("?groupBy=country").prettify().replaceAll("\"asOf\".*", "");
        assertEquals(before, compacted);
        Database.execute(dataSource, "select rebuild_compliance_counts(" + scenario.campaign + ")");
        String rebuilt = dashboard("?groupBy=country").prettify().replaceAll("\"asOf\".*", "");
        assertEquals(before, rebuilt);
    }

    @Test
    void overdueFlipsAtTheEndOfTheDeadlineDayInEachRecipientsOwnZone() throws Exception {
        CampaignFacts facts = campaigns.facts(scenario.campaign);
        // EMEA's deadline is 2026-12-15: ben (London, open) is overdue from midnight London time, 00:00 UTC;
        // anna and mia (Berlin) completed. Everyone else's is 2026-12-31: yuki (Tokyo) from 15:00 UTC that day,
        // noah and liam (New York, open) from 05:00 UTC on 2027-01-01.
        assertOverdue(facts, "2026-12-15T23:59:59.999Z", 0, 0, 0);
        assertOverdue(facts, "2026-12-16T00:00:00Z", 0, 0, 1);
        assertOverdue(facts, "2026-12-31T14:59:59Z", 0, 0, 1);
        assertOverdue(facts, "2026-12-31T15:00:00Z", 0, 1, 1);
        assertOverdue(facts, "2027-01-01T04:59:59Z", 0, 1, 1);
        assertOverdue(facts, "2027-01-01T05:00:00Z", 2, 1, 1);
        compaction.compact();
        assertOverdue(facts, "2027-01-01T05:00:00Z", 2, 1, 1);
    }

    private void assertOverdue(CampaignFacts facts, String at, long amer, long apac, long emea) {
        Dashboard d = database.snapshot(
                "count overdue",
                sql -> dashboards.dashboard(
                        sql, facts, GroupBy.REGION, ComplianceFilter.EVERYTHING, Instant.parse(at)));
        assertEquals(
                List.of(amer, apac, emea),
                d.groups().stream().map(Dashboard.Group::overdue).toList(),
                "overdue AMER, APAC, EMEA at " + at);
        assertEquals(amer + apac + emea, d.totals().overdue());
    }

    @Test
    void anOfficerSeesTheirRegionsOnly() {
        JsonPath d = Api.asRegionOfficer("EMEA")
                .get("/api/v1/campaigns/" + scenario.campaign + "/dashboard")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of("EMEA"), d.getList("groups.key"));
        assertEquals(List.of("EMEA"), d.getList("regions"));
        group(d, "totals", 3, 3, 0, 2, 3, 2, 0);

        // asking for another region shows nothing, never that region
        Api.asRegionOfficer("EMEA")
                .get("/api/v1/campaigns/" + scenario.campaign + "/dashboard?region=AMER")
                .then()
                .statusCode(200)
                .body("groups", empty())
                .body("totals.recipients", equalTo(0));
        Api.asRegionOfficer("EMEA", "APAC")
                .get("/api/v1/campaigns/" + scenario.campaign + "/dashboard?groupBy=country")
                .then()
                .statusCode(200)
                .body("groups.key", contains("DE", "GB", "JP"));
        Api.asAuditor()
                .get("/api/v1/campaigns/" + scenario.campaign + "/dashboard")
                .then()
                .statusCode(200)
                .body("groups", hasSize(3));
        io.restassured.RestAssured.get("/api/v1/campaigns/" + scenario.campaign + "/dashboard")
                .then()
                .statusCode(401);
    }

    @Test
    void overviewShowsEveryLaunchedCampaignByRegionWithinScope() {
        JsonPath all = Api.asAdmin()
                .get("/api/v1/compliance/overview")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of((int) scenario.campaign), all.getList("campaigns.id"));
        assertEquals(6, all.getInt("campaigns[0].recipients"));
        assertEquals(2, all.getInt("campaigns[0].completed"));
        assertEquals(List.of("AMER", "APAC", "EMEA"), all.getList("campaigns[0].regions.region"));
        assertEquals(2, all.getInt("campaigns[0].regions[2].completed"));
        assertEquals("2026-12-15", all.getString("campaigns[0].regions[2].deadline"));

        Api.asRegionOfficer("AMER")
                .get("/api/v1/compliance/overview")
                .then()
                .statusCode(200)
                .body("campaigns[0].recipients", equalTo(2))
                .body("campaigns[0].regions.region", contains("AMER"));
        Api.asAdmin()
                .get("/api/v1/compliance/overview?department=Sales")
                .then()
                .statusCode(200)
                .body("campaigns[0].recipients", equalTo(2))
                .body("department", equalTo("Sales"));
    }

    @Test
    void employeeViewShowsTheirStateInEveryCampaignWithinScope() {
        JsonPath noah = Api.asAdmin()
                .get("/api/v1/compliance/employees/NOAH@example.com")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("noah@example.com", noah.getString("email"));
        assertEquals(1, noah.getList("campaigns").size());
        assertEquals("SENT", noah.getString("campaigns[0].deliveryStatus"));
        assertEquals("AMER", noah.getString("campaigns[0].region"));
        assertEquals(ComplianceScenario.STEPS, noah.getList("campaigns[0].steps.key"));
        assertEquals("done", noah.getString("campaigns[0].steps[0].status"));
        assertEquals("not_applicable", noah.getString("campaigns[0].steps[1].status"));
        assertEquals(null, noah.getString("campaigns[0].steps[2].status"));
        assertEquals(false, noah.getBoolean("campaigns[0].completed"));
        assertEquals(false, noah.getBoolean("campaigns[0].overdue"));
        assertEquals("2026-12-31", noah.getString("campaigns[0].deadline"));
        assertEquals("2027-01-01T05:00:00Z", noah.getString("campaigns[0].deadlineAt"));

        Api.asAdmin()
                .get("/api/v1/compliance/employees/ben@example.com")
                .then()
                .statusCode(200)
                .body("campaigns[0].visitedAt", nullValue())
                .body("campaigns[0].firstVisitAt", org.hamcrest.Matchers.notNullValue());
        Api.asRegionOfficer("AMER")
                .get("/api/v1/compliance/employees/noah@example.com")
                .then()
                .statusCode(200);
        Api.asRegionOfficer("AMER")
                .get("/api/v1/compliance/employees/anna@example.com")
                .then()
                .statusCode(404);
        Api.asAdmin()
                .get("/api/v1/compliance/employees/nobody@example.com")
                .then()
                .statusCode(404);
    }

    private static void group(
            JsonPath d,
            String path,
            int recipients,
            int sent,
            int failed,
            int visited,
            int visitedAny,
            int completed,
            int overdue) {
        assertEquals(
                List.of(recipients, sent, failed, visited, visitedAny, completed, overdue),
                List.of(
                        d.getInt(path + ".recipients"),
                        d.getInt(path + ".sent"),
                        d.getInt(path + ".failed"),
                        d.getInt(path + ".visited"),
                        d.getInt(path + ".visitedIncludingAutomated"),
                        d.getInt(path + ".completed"),
                        d.getInt(path + ".overdue")),
                path + ": recipients, sent, failed, visited, visited incl. automated, completed, overdue");
    }
}
