package io.heed.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
    static final String ADMIN = "crash@heed.local";
    static final String PASSWORD = "crash-password-123";

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @Test
    void aReplicaKilledMidCampaignLosesNoRecipientAndRepeatsAtMostOneBatch() throws Exception {
        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.start(0)) {
            Heed first = start(smtp, "first");
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
                            600))
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

            awaitTrue(() -> smtp.delivered().size() >= 2 * BATCH_SIZE, Duration.ofSeconds(60), first);
            first.kill();
            int deliveredBeforeTheKill = smtp.delivered().size();
            assertTrue(deliveredBeforeTheKill < RECIPIENTS, "killed while the campaign was still sending");

            // The killed Heed left its PostgreSQL running and a batch claimed; the new one takes over both.
            Heed second = start(smtp, "second");
            awaitTrue(() -> sent(second, campaign) == RECIPIENTS, Duration.ofSeconds(120), second);
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
    void stopEverything() throws IOException {
        for (Process process : started) {
            process.destroyForcibly();
        }
        // A failure between the kill and the restart leaves the embedded PostgreSQL of the killed Heed running.
        Path pidFile = dir.resolve("db/data/postmaster.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }

    private static long sent(Heed heed, long campaign) {
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

    /** A packaged Heed in a process of its own, on the test's embedded database folder and SMTP server. */
    private Heed start(ScriptedSmtpServer smtp, String name) throws IOException, InterruptedException {
        int port = DeliveryTestProfile.freePort();
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-jar",
                        System.getProperty("heed.application.jar", "target/quarkus-app/quarkus-run.jar"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.remove("QUARKUS_DATASOURCE_JDBC_URL");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("HEED_EMBEDDED_DB_DIR", dir.resolve("db").toString());
        env.put(
                "HEED_PLAYBOOKS_DIR",
                Path.of("templates/playbooks").toAbsolutePath().toString());
        env.put("HEED_ADMIN_EMAIL", ADMIN);
        env.put("HEED_ADMIN_PASSWORD", PASSWORD);
        env.put("HEED_SMTP_HOST", "127.0.0.1");
        env.put("HEED_SMTP_PORT", Integer.toString(smtp.port()));
        env.put("HEED_SMTP_TLS", "none");
        env.put("HEED_DELIVERY_BATCH_SIZE", Integer.toString(BATCH_SIZE));
        // A killed dispatcher's claim is taken over once its lease ends: short here, minutes in production.
        env.put("HEED_DELIVERY_LEASE", "PT3S");
        env.put("HEED_DELIVERY_POLL_INTERVAL", "100ms");
        Process process = builder.start();
        started.add(process);
        Heed heed = new Heed(process, port, log);
        awaitTrue(heed::ready, Duration.ofSeconds(90), heed);
        return heed;
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout, Heed heed) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!heed.process.isAlive()) {
                fail("Heed exited with " + heed.process.exitValue() + ":\n" + heed.logTail());
            }
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        fail("not reached within " + timeout + ":\n" + heed.logTail());
    }

    private record Heed(Process process, int port, Path log) {

        RequestSpecification api() {
            return given().baseUri("http://127.0.0.1:" + port)
                    .auth()
                    .preemptive()
                    .basic(ADMIN, PASSWORD);
        }

        boolean ready() {
            try {
                return given().baseUri("http://127.0.0.1:" + port)
                                .get("/q/health/ready")
                                .statusCode()
                        == 200;
            } catch (Exception notListeningYet) { // a ConnectException, thrown undeclared by RestAssured
                return false;
            }
        }

        /** SIGKILL: no shutdown hook runs, nothing is flushed or released. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        }

        void stop() throws InterruptedException {
            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped within a minute");
        }

        String logTail() {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }
    }
}
