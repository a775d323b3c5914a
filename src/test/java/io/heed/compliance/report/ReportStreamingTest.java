package io.heed.compliance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.support.Api;
import io.heed.support.Database;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A 100,000-recipient export streams: the first rows reach the client while the server's cursor is still open
 * on the database, so the rows are written as they are read rather than gathered first. (The heap bound itself
 * is {@link BoundedHeapExportIT}: the same rows exported by a Heed process with a 64 MB heap.)
 */
@QuarkusTest
class ReportStreamingTest {

    static final int RECIPIENTS = 100_000;

    // Rows that only ever reach the client while the export runs: the query's backend, inside its transaction.
    static final String EXPORT_IN_FLIGHT = "select count(*) from pg_stat_activity where state <> 'idle'"
            + " and query like '%heed:recipient-rows%' and pid <> pg_backend_pid()";

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @Test
    void aHundredThousandRowsStreamFromAnOpenCursor() throws Exception {
        Database.reset(dataSource);
        long campaign = seed(dataSource);
        String token = token();

        HttpURLConnection http =
                (HttpURLConnection) new URL(base, "api/v1/campaigns/" + campaign + "/report.csv").openConnection();
        http.setRequestProperty("Authorization", token);
        assertEquals(200, http.getResponseCode());
        try (BufferedReader body =
                new BufferedReader(new InputStreamReader(http.getInputStream(), StandardCharsets.UTF_8), 1024)) {
            assertTrue(body.readLine().startsWith("email,name,region,"));
            assertTrue(body.readLine().startsWith("stream1@example.com,Stream 1,AMER,"));
            // The client has read two lines of about 20 MB; the server is blocked writing, its cursor open.
            assertEquals(1, Database.count(dataSource, EXPORT_IN_FLIGHT), "the export is still reading rows");
            long lines = 2;
            String last = null;
            for (String line; (line = body.readLine()) != null; ) {
                lines++;
                last = line;
            }
            assertEquals(RECIPIENTS + 1, lines);
            assertTrue(last.startsWith("stream100000@example.com,"), last);
        }
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(5))
                .until(() -> Database.count(dataSource, EXPORT_IN_FLIGHT) == 0);
    }

    /** Seeds a campaign of {@link #RECIPIENTS} sent recipients, half with an answer; returns its id. */
    static long seed(DataSource dataSource) {
        Database.execute(dataSource, """
                insert into employee (email, email_key, name, region, department, country, locale, time_zone,
                                      active, created_at, updated_at)
                select 'stream' || i || '@example.com', 'stream' || i || '@example.com', 'Stream ' || i,
                       (array['EMEA', 'AMER', 'APAC'])[1 + mod(i, 3)], 'Department ' || mod(i, 7), 'DE', 'en',
                       'Europe/Berlin', true, now(), now()
                  from generate_series(1, %d) i""".formatted(RECIPIENTS));
        Database.execute(dataSource, """
                insert into campaign (name, playbook_key, playbook_version_id, status, audience, created_at,
                                      created_by, updated_at, launched_at)
                select 'Streaming', playbook_key, id, 'ACTIVE', '{}', now(), 'test', now(), now()
                  from playbook_version where playbook_key = 'linkedin-genai-optout'
                 order by version desc limit 1""");
        long campaign = Database.count(dataSource, "select max(id) from campaign");
        Database.execute(dataSource, """
                insert into recipient (campaign_id, employee_id, email, name, region, department, country, locale,
                                       time_zone, link_nonce, planned_at, delivery_status, sent_at, created_at)
                select %d, id, email, name, region, department, country, locale, time_zone, '\\x00', now(), 'SENT',
                       now(), now()
                  from employee order by id""".formatted(campaign));
        Database.execute(dataSource, """
                insert into step_answer (recipient_id, step_key, campaign_id, status, answered_via,
                                         first_answered_at, changed_at)
                select id, 'genai-toggle', campaign_id, 'done', 'step', now(), now()
                  from recipient where mod(id, 2) = 0""");
        return campaign;
    }

    /** A bearer token of its own: the raw request below does not go through RestAssured. */
    private static String token() {
        String secret = Api.withBasic(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD)
                .contentType("application/json")
                .body(Map.of("name", "streaming test", "role", "ADMIN", "regions", List.of()))
                .post("/api/v1/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        return "Bearer " + secret;
    }
}
