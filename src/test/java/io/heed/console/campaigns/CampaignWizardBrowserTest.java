package io.heed.console.campaigns;

import static io.heed.support.Api.ADMIN_EMAIL;
import static io.heed.support.Api.ADMIN_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.support.Browser;
import io.heed.support.Database;
import io.heed.support.Scenario;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A CISO creates a campaign through the wizard in a real browser, and walks it with the keyboard alone. */
@QuarkusTest
class CampaignWizardBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    static Browser browser;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @BeforeEach
    void reset() {
        Database.reset(dataSource);
        Database.execute(dataSource, "delete from console_session");
        if (browser == null) {
            browser = Browser.open(base.toString());
        }
        browser.driver().manage().deleteAllCookies();
    }

    private long id() {
        return Long.parseLong(browser.path().replaceAll(".*/campaigns/(\\d+)/.*", "$1"));
    }

    /** Waits for the live count to show {@code text}; htmx replaces the element meanwhile. */
    private void awaitCount(String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> browser.find("#recipient-count").getText().contains(text));
    }

    private void setValue(String css, String value) {
        browser.driver().executeScript("arguments[0].value = arguments[1]", browser.find(css), value);
    }

    @Test
    void theWholeWizardToLaunchWithALiveCountARefusedStepAndTheChecklistBlockingLaunch() {
        browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        browser.visit("/console/campaigns");
        assertTrue(browser.text("main").contains("Create your first campaign"));
        browser.look("campaigns-empty");
        Scenario.seedDirectory();
        browser.visit("/console/campaigns/new");
        browser.look("wizard-playbook");
        browser.type("#f-name", "Opt out of GenAI training");
        browser.submit("button[value=next]");
        long id = id();
        assertEquals("/console/campaigns/" + id + "/wizard/audience", browser.path());

        // The live count follows the ticked regions without a reload.
        awaitCount("6 recipients");
        browser.click("input[name='audience.regions'][value=EMEA]");
        awaitCount("3 recipients");
        browser.click("input[name='audience.regions'][value=APAC]");
        awaitCount("4 recipients");
        browser.look("wizard-audience");
        browser.submit("button[value=next]");

        // A refused step: shown beside its field, as entered.
        browser.click("input[name=mode][value=local]");
        browser.type("#f-ratePerMinute", "0");
        browser.submit("button[value=next]");
        assertTrue(browser.path().endsWith("/wizard/schedule"), browser.path());
        assertEquals("must be between 1 and 100000", browser.text("#f-ratePerMinute-error"));
        assertEquals("0", browser.find("#f-ratePerMinute").getAttribute("value"));
        browser.type("#f-ratePerMinute", "70");
        browser.submit("button[value=next]");
        assertTrue(browser.path().endsWith("/wizard/deadlines"), browser.path());
        browser.visit("/console/campaigns/" + id + "/wizard/schedule");
        assertTrue(browser.text("aside").contains("09:00 Asia/Tokyo"), browser.text("aside"));
        browser.look("wizard-schedule");
        browser.visit("/console/campaigns/" + id + "/wizard/deadlines");

        setValue("[name='deadlines.EMEA']", "2026-12-20");
        browser.look("wizard-deadlines");
        browser.submit("button[value=next]");
        assertTrue(browser.path().endsWith("/wizard/preview"), browser.path());

        // The review blocks the launch until the checklist passes.
        browser.visit("/console/campaigns/" + id + "/wizard/review");
        assertFalse(browser.find("#launch").isEnabled(), "launch disabled while not ready");
        assertTrue(browser.text(".check-deadlines").contains("No deadline for APAC"));
        browser.click(".check-deadlines a");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> browser.path().endsWith("/deadlines"));
        setValue("[name='deadlines.*']", "2026-12-31");
        browser.submit("button[value=next]");
        browser.look("wizard-preview");
        browser.type("#f-to", "ciso@example.com");
        browser.submit("form[action$='test-send'] button[type=submit]");
        browser.visit("/console/campaigns/" + id + "/wizard/review");
        browser.look("wizard-review-not-ready");
        browser.type("#f-checkTo", "ciso@example.com");
        browser.submit("#smtp-check button[type=submit]");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> {
            browser.visit("/console/campaigns/" + id + "/wizard/review");
            return browser.find("#launch").isEnabled();
        });
        assertTrue(browser.text("#launch").contains("4 recipients"), browser.text("#launch"));
        browser.look("wizard-review-ready");
        // With JavaScript the confirmation is a dialog naming the count.
        browser.click("#launch");
        WebElement dialog = browser.find("#launch-dialog");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(d -> dialog.isDisplayed());
        assertTrue(dialog.getText().contains("4 recipients"), dialog.getText());
        browser.submit("#launch-dialog button[type=submit]");
        assertEquals("/console/campaigns/" + id, browser.path());
        assertEquals(4, Database.count(dataSource, "select count(*) from recipient where campaign_id = " + id));
        browser.visit("/console/campaigns");
        assertTrue(browser.text("tbody").contains("Sending"), browser.text("tbody"));
        browser.look("campaigns");
    }

    @Test
    void aKeyboardOnlyWalkReachesEveryControlOfAStepWithVisibleFocus() {
        Scenario.seedDirectory();
        browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        browser.visit("/console/campaigns/new");
        // Playbook step: type the name, Enter submits ("Save and continue" is the form's first button).
        browser.find("#f-name").sendKeys("Keyboard walk", Keys.ENTER);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> browser.path().endsWith("/audience"));
        awaitCount("6 recipients");
        Set<String> reached = new LinkedHashSet<>();
        List<String> invisible = new ArrayList<>();
        Actions keys = new Actions(browser.driver());
        for (int i = 0; i < 60; i++) {
            keys.sendKeys(Keys.TAB).perform();
            WebElement focused = browser.driver().switchTo().activeElement();
            String key = focused.getTagName() + ":"
                    + (focused.getAttribute("name") == null
                            ? focused.getText()
                            : focused.getAttribute("name") + "=" + focused.getAttribute("value"));
            Object ring = browser.driver()
                    .executeScript(
                            "var s = getComputedStyle(arguments[0]);"
                                    + " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0"
                                    + " || (s.boxShadow && s.boxShadow !== 'none');",
                            focused);
            if (!Boolean.TRUE.equals(ring)) {
                invisible.add(key);
            }
            reached.add(key);
            if (key.startsWith("button:go=back")) {
                break;
            }
        }
        assertTrue(invisible.isEmpty(), "focus not visible on " + invisible);
        for (String control : List.of(
                "input:audience.regions=EMEA",
                "input:audience.departments=",
                "input:audience.countries=",
                "textarea:audience.includeEmails=",
                "textarea:audience.excludeEmails=",
                "button:go=next",
                "button:go=count",
                "button:go=stay",
                "button:go=back")) {
            assertTrue(reached.contains(control), control + " reached by TAB: " + reached);
        }
        // SPACE ticks a region and the count follows; ENTER on "Save and continue" goes on.
        WebElement emea = browser.find("input[name='audience.regions'][value=EMEA]");
        emea.sendKeys(Keys.SPACE);
        awaitCount("3 recipients");
        WebElement next = browser.find("button[value=next]");
        String before = browser.path();
        next.sendKeys(Keys.ENTER);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> !browser.path().equals(before));
        assertTrue(browser.path().endsWith("/schedule"), browser.path());
        assertNotEquals(
                0, Database.count(dataSource, "select count(*) from campaign where audience::text like '%EMEA%'"));
    }
}
