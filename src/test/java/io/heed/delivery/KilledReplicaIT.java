package io.heed.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.support.PackagedHeed;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety for real (docs/delivery.md): the packaged Heed, sending a paced campaign over SMTP, is killed
 * with SIGKILL mid-campaign and started again on the same embedded database. Every recipient still receives the
 * invitation, and the only repeats are messages of the batch that was in flight, so at most one batch.
 */
class KilledReplicaIT {

    static final int RECIPIENTS = 200;
    static final int BATCH_SIZE = 20;

    @TempDir
    Path dir;

    PackagedHeed first;
    PackagedHeed second;

    @Test
    void aReplicaKilledMidCampaignLosesNoRecipientAndRepeatsAtMostOneBatch() throws Exception {
        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.start(0)) {
            first = start(smtp, "first");
            first.api()
                    .contentType("text/csv")
                    .body(directory())
                    .post("/api/v1/employees/import")
                    .then()
                    .statusCode(200);
            long campaign = first.api()
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "name",
                            "Killed mid-campaign",
                            "playbook",
                            "linkedin-genai-optout",
                            "audience",
                            Map.of("departments", List.of("Crash")),
                            // 20 messages a second: the campaign takes 10 s, so the kill (after 40) lands in the middle
                            "ratePerMinute",
                            1200))
                    .post("/api/v1/campaigns")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getLong("id");
            first.api()
                    .contentType(ContentType.JSON)
                    .post("/api/v1/campaigns/" + campaign + "/launch")
                    .then()
                    .statusCode(200);

            first.await(() -> smtp.delivered().size() >= 2 * BATCH_SIZE, Duration.ofSeconds(60));
            first.kill();
            int deliveredBeforeTheKill = smtp.delivered().size();
            assertTrue(deliveredBeforeTheKill < RECIPIENTS, "killed while the campaign was still sending");

            // The killed Heed left its PostgreSQL running and a batch claimed; the new one takes over both.
            second = start(smtp, "second");
            second.await(() -> sent(second, campaign) == RECIPIENTS, Duration.ofSeconds(120));
            second.stop();

            Map<String, Long> perAddress = smtp.delivered().stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertEquals(addresses(), new TreeSet<>(perAddress.keySet()), "every recipient received it");
            int repeats = smtp.delivered().size() - RECIPIENTS;
            assertTrue(
                    repeats <= BATCH_SIZE,
                    repeats + " messages sent twice; at most the batch in flight (" + BATCH_SIZE + ") may be");
            assertTrue(perAddress.values().stream().allMatch(n -> n <= 2), "nobody received it three times");
        }
    }

    @AfterEach
    void stopEverything() throws Exception {
        PackagedHeed.cleanUp(dir, first, second);
    }

    private PackagedHeed start(ScriptedSmtpServer smtp, String name) throws Exception {
        return PackagedHeed.start(
                dir,
                name,
                Map.of(
                        "HEED_SMTP_HOST", "127.0.0.1",
                        "HEED_SMTP_PORT", Integer.toString(smtp.port()),
                        "HEED_SMTP_TLS", "none",
                        "HEED_DELIVERY_BATCH_SIZE", Integer.toString(BATCH_SIZE),
                        // a killed dispatcher's claim is taken over once its lease ends: short here, minutes
                        // in production
                        "HEED_DELIVERY_LEASE", "PT3S",
                        "HEED_DELIVERY_POLL_INTERVAL", "100ms"),
                "-Xmx256m");
    }

    private static long sent(PackagedHeed heed, long campaign) {
        return heed.api()
                .get("/api/v1/campaigns/" + campaign)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("counts.sent");
    }

    private static Set<String> addresses() {
        return IntStream.range(0, RECIPIENTS)
                .mapToObj(i -> String.format("crash%03d@example.com", i))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String directory() {
        return "email,name,region,department\n"
                + addresses().stream()
                        .map(a -> a + ",Crash Test " + a.substring(5, 8) + ",EMEA,Crash")
                        .collect(Collectors.joining("\n"));
    }
}
