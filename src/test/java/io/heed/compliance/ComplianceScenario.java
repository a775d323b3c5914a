package io.heed.compliance;

import io.heed.campaign.RecipientDeliveryState;
import io.heed.delivery.DeliveryOutcome;
import io.heed.security.LinkTokens;
import io.heed.support.Api;
import io.heed.support.Database;
import io.heed.support.Scenario;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A launched campaign of the LinkedIn playbook (5 steps) to the six active employees of
 * {@link Scenario#seedDirectory}, driven through the real paths: launch, the delivery listener's outcomes,
 * the employees' pages (browser and mail scanner) and their answers, a test send. What each one did:
 *
 * <pre>
 * EMEA  anna  DE Engineering  sent; opened in a browser; every step done (objection-form first not applicable,
 *                             then done)                                                       -> completed
 * EMEA  ben   GB Sales        sent; opened only by a mail scanner (Safe Links)                 -> nothing
 * EMEA  mia   DE Engineering  sent; opened in a browser; the whole playbook "not applicable"   -> completed
 * AMER  noah  US Engineering  sent; opened in a browser; genai-toggle done, objection-form not applicable
 * AMER  liam  US Sales        invitation FAILED
 * APAC  yuki  JP Engineering  sent; nothing else
 * </pre>
 *
 * Plus a test send of the invitation to an outside address, which must count nowhere. The invitations are
 * planned for tomorrow (sendAt), so no real invitation leaves during a test: delivery outcomes come from the
 * campaign's own listener, an hour in the past.
 */
public final class ComplianceScenario {

    public static final List<String> STEPS = Scenario.STEPS;
    static final LocalDate EMEA_DEADLINE = LocalDate.of(2026, 12, 15);
    static final LocalDate OTHER_DEADLINE = LocalDate.of(2026, 12, 31);

    private final DataSource dataSource;
    private final LinkTokens linkTokens;
    public final long campaign;

    private ComplianceScenario(DataSource dataSource, LinkTokens linkTokens, long campaign) {
        this.dataSource = dataSource;
        this.linkTokens = linkTokens;
        this.campaign = campaign;
    }

    /** Launches the campaign; nobody has done anything yet. */
    static ComplianceScenario launched(DataSource dataSource, LinkTokens linkTokens, String name) {
        Database.reset(dataSource);
        Map<String, Object> request = Scenario.request(name);
        request.put("deadlines", Map.of("EMEA", EMEA_DEADLINE.toString(), "*", OTHER_DEADLINE.toString()));
        long id = Scenario.launchedTomorrow(request);
        return new ComplianceScenario(dataSource, linkTokens, id);
    }

    /** Launches the campaign and plays the story above. */
    public static ComplianceScenario played(
            DataSource dataSource, LinkTokens linkTokens, RecipientDeliveryState delivery, Runnable flushVisits) {
        ComplianceScenario s = launched(dataSource, linkTokens, "LinkedIn opt-out");
        Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
        delivery.onOutcomes(List.of(
                s.outcome("anna@example.com", DeliveryOutcome.Status.SENT, hourAgo),
                s.outcome("ben@example.com", DeliveryOutcome.Status.SENT, hourAgo),
                s.outcome("mia@example.com", DeliveryOutcome.Status.SENT, hourAgo),
                s.outcome("noah@example.com", DeliveryOutcome.Status.SENT, hourAgo),
                s.outcome("liam@example.com", DeliveryOutcome.Status.FAILED, hourAgo),
                s.outcome("yuki@example.com", DeliveryOutcome.Status.SENT, hourAgo)));

        String anna = s.token("anna@example.com");
        s.answer(anna, "objection-form", "not_applicable");
        for (String step : STEPS) {
            s.answer(anna, step, "done");
        }
        Scenario.scan(s.token("ben@example.com"));
        String mia = s.token("mia@example.com");
        Scenario.notApplicable(mia, Scenario.csrf(mia)).then().statusCode(303);
        String noah = s.token("noah@example.com");
        s.answer(noah, "genai-toggle", "done");
        s.answer(noah, "objection-form", "not_applicable");

        Api.asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of("to", "someone.outside@example.org", "asEmployee", "yuki@example.com"))
                .post("/api/v1/campaigns/" + s.campaign + "/test-send")
                .then()
                .statusCode(202);
        flushVisits.run();
        return s;
    }

    DeliveryOutcome outcome(String email, DeliveryOutcome.Status status, Instant at) {
        return new DeliveryOutcome(0, "invitation", "recipient:" + recipientId(email), status, at, 1, "250 OK", false);
    }

    long recipientId(String email) {
        return Scenario.recipientId(campaign, email);
    }

    /** The personal link's token, made the way the invitation's link is. */
    public String token(String email) {
        return Scenario.token(campaign, email);
    }

    /** Opens the page in a browser and answers one step, as the employee would. */
    public void answer(String token, String step, String status) {
        Scenario.answered(token, step, status);
    }

    /** Query parameters as a map, for RestAssured. */
    static Map<String, Object> params(String... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
