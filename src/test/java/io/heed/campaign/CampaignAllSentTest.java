package io.heed.campaign;

import static io.heed.support.Api.asAdmin;
import static io.heed.support.Scenario.act;
import static io.heed.support.Scenario.request;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.heed.delivery.DeliveryOutcome;
import io.heed.support.Database;
import io.heed.support.Scenario;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A campaign leaves SENDING when the last of its invitations is out (sent or failed), told by the dispatcher's
 * outcomes. The invitations are planned for tomorrow, so the background dispatcher leaves them to the test.
 */
@QuarkusTest
class CampaignAllSentTest {

    @Inject
    DataSource dataSource;

    @Inject
    RecipientDeliveryState delivery;

    long campaign;

    @BeforeEach
    void launch() {
        Database.reset(dataSource);
        campaign = Scenario.launchedTomorrow(request("All sent"));
    }

    @Test
    void aSendingCampaignBecomesActiveWhenItsLastInvitationIsOut() {
        delivery.onOutcomes(outcomes(Scenario.ACTIVE.subList(0, 5), DeliveryOutcome.Status.SENT));
        asAdmin()
                .get("/api/v1/campaigns/" + campaign)
                .then()
                .body("status", equalTo("SENDING"))
                .body("allSentAt", nullValue());
        delivery.onOutcomes(outcomes(Scenario.ACTIVE.subList(5, 6), DeliveryOutcome.Status.FAILED));
        String allSentAt = asAdmin()
                .get("/api/v1/campaigns/" + campaign)
                .then()
                .body("status", equalTo("ACTIVE"))
                .body("counts.sent", equalTo(5))
                .body("counts.failed", equalTo(1))
                .extract()
                .path("allSentAt");
        // Outcomes are told at least once: hearing them again changes nothing.
        delivery.onOutcomes(outcomes(Scenario.ACTIVE, DeliveryOutcome.Status.SENT));
        asAdmin()
                .get("/api/v1/campaigns/" + campaign)
                .then()
                .body("status", equalTo("ACTIVE"))
                .body("allSentAt", equalTo(allSentAt));
    }

    @Test
    void aCampaignPausedWhileSendingResumesAsActiveOnceAllAreOut() {
        act(campaign, "pause").statusCode(200).body("pausedFrom", equalTo("SENDING"));
        delivery.onOutcomes(outcomes(Scenario.ACTIVE, DeliveryOutcome.Status.SENT));
        asAdmin()
                .get("/api/v1/campaigns/" + campaign)
                .then()
                .body("status", equalTo("PAUSED"))
                .body("pausedFrom", equalTo("ACTIVE"))
                .body("allSentAt", notNullValue());
        act(campaign, "resume").statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void anEndedCampaignStaysEnded() {
        act(campaign, "close").statusCode(200);
        delivery.onOutcomes(outcomes(Scenario.ACTIVE, DeliveryOutcome.Status.SENT));
        asAdmin()
                .get("/api/v1/campaigns/" + campaign)
                .then()
                .body("status", equalTo("CLOSED"))
                .body("allSentAt", nullValue());
    }

    private List<DeliveryOutcome> outcomes(List<String> emails, DeliveryOutcome.Status status) {
        return emails.stream()
                .map(email -> new DeliveryOutcome(
                        0,
                        CampaignMessage.INVITATION,
                        new CampaignMessage.Invitation(Scenario.recipientId(campaign, email)).reference(),
                        status,
                        Instant.now(),
                        1,
                        status == DeliveryOutcome.Status.SENT ? "250 OK" : "550 5.1.1 unknown",
                        false))
                .toList();
    }
}
