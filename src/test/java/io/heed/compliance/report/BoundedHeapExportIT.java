package io.heed.compliance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.heed.support.PackagedHeed;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports hold in a small heap: the packaged Heed, started with 64 MB of heap and told to die on the first
 * OutOfMemoryError, exports the 100,000 recipients of {@link ReportStreamingTest} as CSV (about 20 MB), XLSX and
 * PDF. Gathering the CSV in memory first would need more than that heap; streaming needs a few buffers.
 */
class BoundedHeapExportIT {

    static final String HEAP = "-Xmx64m";

    @TempDir
    Path dir;

    PackagedHeed heed;

    @Test
    void aHundredThousandRowReportStreamsThroughA64MegabyteHeap() throws Exception {
        heed = PackagedHeed.start(
                dir, "export", Map.of("HEED_DELIVERY_ENABLED", "false"), HEAP, "-XX:+ExitOnOutOfMemoryError");
        long campaign = ReportStreamingTest.seed(heed.database());
        String reports = "/api/v1/campaigns/" + campaign + "/report.";

        try (InputStream body = download(reports + "csv");
                BufferedReader csv = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            assertTrue(csv.readLine().startsWith("email,name,region,"));
            long rows = 0;
            String last = null;
            for (String line; (line = csv.readLine()) != null; rows++) {
                last = line;
            }
            assertEquals(ReportStreamingTest.RECIPIENTS, rows);
            assertTrue(last.startsWith("stream100000@example.com,"), last);
        }
        try (InputStream xlsx = download(reports + "xlsx")) {
            byte[] start = xlsx.readNBytes(2);
            assertEquals("PK", new String(start, StandardCharsets.US_ASCII), "a zip: an XLSX workbook");
            assertTrue(xlsx.transferTo(java.io.OutputStream.nullOutputStream()) > 1_000_000, "all rows in it");
        }
        try (InputStream pdf = download(reports + "pdf")) {
            assertEquals("%PDF", new String(pdf.readNBytes(4), StandardCharsets.US_ASCII));
        }

        assertTrue(heed.alive(), "Heed survived the exports:\n" + heed.logTail());
        assertFalse(heed.log().contains("OutOfMemoryError"), heed.logTail());
    }

    @AfterEach
    void stop() throws Exception {
        PackagedHeed.cleanUp(dir, heed);
    }

    private InputStream download(String path) throws Exception {
        HttpURLConnection http =
                (HttpURLConnection) URI.create(heed.baseUrl() + path).toURL().openConnection();
        String credentials = PackagedHeed.ADMIN + ":" + PackagedHeed.PASSWORD;
        http.setRequestProperty(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        try {
            assertEquals(200, http.getResponseCode(), path);
            return http.getInputStream();
        } catch (IOException e) {
            return fail(path + ": " + e + "; Heed " + (heed.alive() ? "running" : "gone") + ":\n" + heed.logTail());
        }
    }
}
