package io.heed.compliance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.heed.acknowledgement.VisitLog;
import io.heed.campaign.RecipientDeliveryState;
import io.heed.compliance.ComplianceScenario;
import io.heed.platform.Hashing;
import io.heed.security.LinkTokens;
import io.heed.support.Api;
import io.heed.support.Database;
import io.heed.support.Scenario;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-recipient exports (CSV, XLSX) and the PDF summary, as an auditor would check them. */
@QuarkusTest
class ComplianceReportTest {

    @Inject
    DataSource dataSource;

    @Inject
    LinkTokens linkTokens;

    @Inject
    RecipientDeliveryState delivery;

    @Inject
    VisitLog visitLog;

    ComplianceScenario scenario;

    @BeforeEach
    void play() {
        scenario = ComplianceScenario.played(dataSource, linkTokens, delivery, visitLog::flush);
    }

    private String path(String file) {
        return "/api/v1/campaigns/" + scenario.campaign + "/" + file;
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        return CSVFormat.RFC4180.builder().get().parse(new StringReader(csv)).getRecords();
    }

    @Test
    void csvHasOneRowPerRecipientWithEveryStepAndItsTime() throws Exception {
        Response response = Api.asAuditor().get(path("report.csv"));
        response.then()
                .statusCode(200)
                .contentType("text/csv")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"campaign-" + scenario.campaign + "-compliance.csv\"");
        String csv = response.asString();
        assertTrue(csv.startsWith("email,name,region,department,country,delivery_status,sent_at,deadline_at,"
                + "genai-toggle,genai-toggle_at,objection-form,objection-form_at,review-content,review-content_at,"
                + "ad-preferences,ad-preferences_at,mindful-posting,mindful-posting_at,completed,completed_at\r\n"));
        assertFalse(csv.replace("\r\n", "").contains("\n"), "every line ends with CRLF");
        List<CSVRecord> rows = parse(csv);
        assertEquals(7, rows.size());
        Map<String, CSVRecord> byEmail = new java.util.HashMap<>();
        rows.subList(1, 7).forEach(r -> byEmail.put(r.get(0), r));
        CSVRecord anna = byEmail.get("anna@example.com");
        assertEquals(
                List.of("anna@example.com", "Anna Berg", "EMEA", "Engineering", "DE", "SENT"),
                anna.toList().subList(0, 6));
        assertEquals("2026-12-15T23:00:00.000000Z", anna.get(7), "end of 15 December in Berlin");
        for (int s = 0; s < 5; s++) {
            assertEquals("done", anna.get(8 + 2 * s));
            Instant.parse(anna.get(9 + 2 * s));
        }
        assertEquals("true", anna.get(18));
        Instant.parse(anna.get(19));
        CSVRecord mia = byEmail.get("mia@example.com");
        assertEquals("not_applicable", mia.get(8));
        assertEquals("true", mia.get(18));
        CSVRecord noah = byEmail.get("noah@example.com");
        assertEquals(List.of("done", "not_applicable", ""), List.of(noah.get(8), noah.get(10), noah.get(12)));
        assertEquals("", noah.get(13));
        assertEquals("false", noah.get(18));
        assertEquals("", noah.get(19));
        CSVRecord liam = byEmail.get("liam@example.com");
        assertEquals("FAILED", liam.get(5));
        assertEquals("", liam.get(6));
    }

    @Test
    void csvNeutralisesFormulasAndQuotesAsRfc4180() throws Exception {
        Api.importEmployees(
                        "email,name,region,department,country,timezone\n"
                                + "eve@example.com,\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\",EMEA,"
                                + "+cmd|' /C calc'!A0,DE,Europe/Berlin\n"
                                + "sam@example.com,@SUM(1+1),EMEA,-2+3,GB,Europe/London\n"
                                + "zoe@example.com,\"Zoë \"\"Z\"\" Ng\",EMEA,\"Sales, Inside\",GB,Europe/London\n",
                        "")
                .statusCode(200);
        Map<String, Object> request = Scenario.request("Hostile names");
        request.put("sendAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        // nobody's department is "none": the audience is exactly the three named
        request.put(
                "audience",
                Map.of(
                        "includeEmails",
                        List.of("eve@example.com", "sam@example.com", "zoe@example.com"),
                        "departments",
                        List.of("none")));
        long id = Scenario.createDraft(request);
        Scenario.act(id, "launch").statusCode(200);

        String csv = Api.asAdmin()
                .get("/api/v1/campaigns/" + id + "/report.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(
                csv.contains("eve@example.com,\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\",EMEA,"
                        + "'+cmd|' /C calc'!A0,DE,"),
                csv);
        assertTrue(csv.contains("sam@example.com,'@SUM(1+1),EMEA,'-2+3,GB,"), csv);
        assertTrue(csv.contains("zoe@example.com,\"Zoë \"\"Z\"\" Ng\",EMEA,\"Sales, Inside\",GB,"), csv);
        List<CSVRecord> rows = parse(csv);
        assertEquals(4, rows.size());
        for (CSVRecord row : rows) {
            for (String value : row) {
                assertFalse(!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0, value);
            }
        }
        assertEquals(
                "'=HYPERLINK(\"http://evil.example/\",\"click\")", rows.get(1).get(1));
        assertEquals("'@SUM(1+1)", rows.get(2).get(1));
        assertEquals("'-2+3", rows.get(2).get(3));
    }

    @Test
    void csvCellRulesCoverTabAndCarriageReturn() {
        assertEquals("'\tx", ReportCsv.cell("\tx"));
        assertEquals("\"'\rx\"", ReportCsv.cell("\rx"));
        assertEquals("\"a\nb\"", ReportCsv.cell("a\nb"));
        assertEquals("plain", ReportCsv.cell("plain"));
        assertEquals("", ReportCsv.cell(null));
    }

    @Test
    void bomOnlyWhenAskedAndNeverInTheHash() {
        byte[] plain = Api.asAdmin()
                .get(path("report.csv"))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        byte[] bom = Api.asAdmin()
                .get(path("report.csv?bom=true"))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertEquals((byte) 0xEF, bom[0]);
        assertEquals((byte) 0xBB, bom[1]);
        assertEquals((byte) 0xBF, bom[2]);
        assertEquals('e', plain[0]);
        assertEquals(plain.length + 3, bom.length);
        Api.asAdmin().get(path("report.csv?bom=yes")).then().statusCode(400);
    }

    @Test
    void pdfStatesTheHashOfTheCsvAndEachRegionsRow() throws Exception {
        Response pdf = Api.asAuditor().get(path("report.pdf"));
        pdf.then().statusCode(200).contentType("application/pdf");
        byte[] csv = Api.asAuditor()
                .get(path("report.csv"))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        String csvHash = HexFormat.of().formatHex(Hashing.sha256().digest(csv));
        assertEquals(csvHash, pdf.header("X-Heed-Data-SHA256"));

        String text = pdfText(pdf.asByteArray());
        assertTrue(text.contains(csvHash), text);
        assertTrue(text.contains("Compliance report"), text);
        assertTrue(text.contains("LinkedIn opt-out"), text);
        assertTrue(text.contains("linkedin-genai-optout, version 1"), text);
        // region, recipients, sent, failed, visited, completed, rate, deadline, overdue
        assertRow(text, "AMER", "2", "1", "1", "1", "0", "0.0 %", "2026-12-31", "0");
        assertRow(text, "APAC", "1", "1", "0", "0", "0", "0.0 %", "2026-12-31", "0");
        assertRow(text, "EMEA", "3", "3", "0", "2", "2", "66.7 %", "2026-12-15", "0");
        assertRow(text, "All", "6", "5", "1", "3", "2", "33.3 %", "—", "0");
        assertTrue(text.contains("by " + "token:tests AUDITOR[]"), text);
        assertTrue(text.contains("sha256sum"), text);

        // the answers change: a new PDF states a new hash, again the CSV's
        String noah = scenario.token("noah@example.com");
        scenario.answer(noah, "review-content", "done");
        Response later = Api.asAuditor().get(path("report.pdf"));
        byte[] laterCsv =
                Api.asAuditor().get(path("report.csv")).then().extract().asByteArray();
        assertNotEquals(csvHash, later.header("X-Heed-Data-SHA256"));
        assertEquals(HexFormat.of().formatHex(Hashing.sha256().digest(laterCsv)), later.header("X-Heed-Data-SHA256"));
    }

    @Test
    void officersExportTheirRegionsOnly() throws Exception {
        String csv = Api.asRegionOfficer("AMER")
                .get(path("report.csv"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<CSVRecord> rows = parse(csv);
        assertEquals(3, rows.size());
        assertTrue(rows.subList(1, 3).stream().allMatch(r -> r.get(2).equals("AMER")));
        assertEquals(
                1,
                parse(Api.asRegionOfficer("AMER")
                                .get(path("report.csv?region=EMEA"))
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                        .size(),
                "another region: the header only");

        Response pdf = Api.asRegionOfficer("AMER").get(path("report.pdf"));
        String text = pdfText(pdf.then().statusCode(200).extract().asByteArray());
        assertRow(text, "AMER", "2", "1", "1", "1", "0", "0.0 %", "2026-12-31", "0");
        assertRow(text, "All", "2", "1", "1", "1", "0", "0.0 %", "2026-12-31", "0");
        assertFalse(text.contains("EMEA"), text);
        assertFalse(text.contains("APAC"), text);
        assertTrue(text.contains("regions AMER"), text);
        assertEquals(
                HexFormat.of().formatHex(Hashing.sha256().digest(csv.getBytes(StandardCharsets.UTF_8))),
                pdf.header("X-Heed-Data-SHA256"));

        try (XSSFWorkbook xlsx = xlsx(Api.asRegionOfficer("AMER").get(path("report.xlsx")))) {
            Sheet sheet = xlsx.getSheet("Recipients");
            assertEquals(2, sheet.getLastRowNum());
            assertEquals("AMER", sheet.getRow(1).getCell(2).getStringCellValue());
            assertEquals("AMER", sheet.getRow(2).getCell(2).getStringCellValue());
        }
        Api.asRegionOfficer("AMER").get(path("report.xlsx?region=EMEA")).then().statusCode(200);
    }

    @Test
    void xlsxHasTheCsvRowsAsTypedCellsAndNoFormulas() throws Exception {
        Api.importEmployees(
                        "email,name,region,department,country,timezone\n"
                                + "eve@example.com,\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"x\"\")\",AMER,"
                                + "+cmd,US,America/New_York\n",
                        "")
                .statusCode(200);
        Api.asAdmin()
                .contentType("application/json")
                .body(Map.of("emails", List.of("eve@example.com")))
                .post(path("recipients"))
                .then()
                .statusCode(200);
        Response response = Api.asAdmin().get(path("report.xlsx"));
        response.then()
                .statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook workbook = xlsx(response)) {
            Sheet sheet = workbook.getSheet("Recipients");
            assertEquals(ReportCsv.header(ComplianceScenario.STEPS), cells(sheet.getRow(0)));
            assertEquals(7, sheet.getLastRowNum());
            Row anna = null;
            Row eve = null;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                String email = sheet.getRow(i).getCell(0).getStringCellValue();
                anna = email.equals("anna@example.com") ? sheet.getRow(i) : anna;
                eve = email.equals("eve@example.com") ? sheet.getRow(i) : eve;
            }
            Cell sent = anna.getCell(6);
            assertEquals(CellType.NUMERIC, sent.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(sent));
            assertEquals(CellType.NUMERIC, anna.getCell(7).getCellType());
            assertEquals(
                    java.time.LocalDateTime.of(2026, 12, 15, 23, 0),
                    anna.getCell(7).getLocalDateTimeCellValue());
            assertEquals("done", anna.getCell(8).getStringCellValue());
            assertEquals(CellType.BOOLEAN, anna.getCell(18).getCellType());
            assertTrue(anna.getCell(18).getBooleanCellValue());
            assertTrue(DateUtil.isCellDateFormatted(anna.getCell(19)));

            Cell hostile = eve.getCell(1);
            assertEquals(CellType.STRING, hostile.getCellType());
            assertEquals("=HYPERLINK(\"http://evil.example/\",\"x\")", hostile.getStringCellValue());
            assertTrue(hostile.getCellStyle().getQuotePrefixed(), "stays text even when edited");
            assertFalse(eve.getCell(18).getBooleanCellValue());
            for (Sheet each : workbook) {
                for (Row row : each) {
                    for (Cell cell : row) {
                        assertNotEquals(CellType.FORMULA, cell.getCellType(), each.getSheetName() + " " + cell);
                    }
                }
            }
            assertTrue(cells(workbook.getSheet("About").getRow(1)).get(1).contains("LinkedIn opt-out"));
        }
    }

    @Test
    void everyExportIsAudited() {
        Api.asRegionOfficer("AMER")
                .get(path("report.csv?department=Sales"))
                .then()
                .statusCode(200);
        Api.asAuditor().get(path("report.pdf")).then().statusCode(200);
        Api.asAdmin().get(path("report.xlsx")).then().statusCode(200);
        List<Map<String, Object>> events = Api.asAdmin()
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        List<String> exports = events.stream()
                .filter(e -> String.valueOf(e.get("action")).startsWith("compliance.export"))
                .map(e -> e.get("action") + " " + e.get("actor") + " " + e.get("subject") + " " + e.get("details"))
                .toList();
        assertEquals(3, exports.size(), exports.toString());
        assertTrue(
                exports.get(2).startsWith("compliance.export.csv token:tests REGION_OFFICER[AMER] campaign:"),
                exports.get(2));
        assertTrue(exports.get(2).contains("AMER") && exports.get(2).contains("Sales"), exports.get(2));
        assertTrue(exports.get(1).startsWith("compliance.export.pdf token:tests AUDITOR[]"), exports.get(1));
        assertTrue(exports.get(1).contains("dataSha256"), exports.get(1));
        assertTrue(exports.get(0).startsWith("compliance.export.xlsx token:tests ADMIN[]"), exports.get(0));
        Database.count(dataSource, "select count(*) from audit_event");
    }

    /** A table row of the PDF (the text extractor does not always keep the space between two cells). */
    static void assertRow(String text, String... cells) {
        String flat = text.replaceAll("\\s+", "");
        String row = String.join("", cells).replaceAll("\\s+", "");
        assertTrue(flat.contains(row), "no row " + String.join(" | ", cells) + " in\n" + text);
    }

    static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString().replaceAll("[ \\t]+", " ");
        } finally {
            reader.close();
        }
    }

    static XSSFWorkbook xlsx(Response response) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(
                response.then().statusCode(200).extract().asByteArray()));
    }

    private static List<String> cells(Row row) {
        List<String> values = new java.util.ArrayList<>();
        for (Cell cell : row) {
            values.add(cell.getStringCellValue());
        }
        return values;
    }
}
