package io.heed.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The advisory-to-draft rules, on advisories as they reach a CISO. Plain JUnit: the class is pure. */
class DraftFromAdvisoryTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 10, 20);

    static final String LINKEDIN = """
            LinkedIn will train its AI on your data – opt out now

            From 3 November 2025, LinkedIn will use profile data, posts and activity of members in the EU, EEA, \
            Switzerland, Canada and Hong Kong to train its generative-AI models. In the US the setting has been on \
            by default since 18 September 2024.

            The setting is on unless you switch it off yourself. Opting out stops future use; it does not undo \
            what was already used.

            What to do:
            1. Switch off "Data for Generative AI Improvement": https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement
            2. File the Data Processing Objection Form (https://www.linkedin.com/help/linkedin/ask/TS-DPRO) and keep
               the confirmation e-mail.
            3. Review your old posts and profile.
            4. Check your advertising data settings at www.linkedin.com/mypreferences/d/categories/ads.
            """;

    @Test
    void linkedInPostBecomesTitleSummaryStepsAndDeadlines() {
        DraftFromAdvisory.Draft draft = DraftFromAdvisory.propose(LINKEDIN, TODAY);

        assertEquals("LinkedIn will train its AI on your data – opt out now", draft.title());
        assertEquals("linkedin-will-train-its-ai-on-your-data-opt-out", draft.key());
        assertTrue(draft.summary().startsWith("From 3 November 2025, LinkedIn will use profile data"), draft.summary());
        assertTrue(draft.summary().contains("Opting out stops future use"), draft.summary());
        assertFalse(draft.summary().contains("What to do"), draft.summary());

        assertEquals(4, draft.steps().size());
        DraftFromAdvisory.Step first = draft.steps().get(0);
        assertEquals("Switch off \"Data for Generative AI Improvement\"", first.title());
        assertEquals(
                List.of("https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"), first.links());
        DraftFromAdvisory.Step second = draft.steps().get(1);
        assertEquals(List.of("https://www.linkedin.com/help/linkedin/ask/TS-DPRO"), second.links());
        assertTrue(second.text().endsWith("keep the confirmation e-mail."), "wrapped line joined: " + second.text());
        assertEquals("Review your old posts and profile", draft.steps().get(2).title());
        assertEquals(
                List.of("https://www.linkedin.com/mypreferences/d/categories/ads"),
                draft.steps().get(3).links());

        assertEquals(2, draft.deadlines().size());
        DraftFromAdvisory.Deadline europe = draft.deadlines().get(0);
        assertEquals(LocalDate.of(2025, 11, 3), europe.date());
        assertEquals("EEA, EU, Switzerland, Canada, Hong Kong", europe.appliesTo());
        assertTrue(europe.countries().containsAll(List.of("DE", "FR", "NO", "IS", "LI", "CH", "CA", "HK")));
        assertFalse(europe.countries().contains("US"));
        DraftFromAdvisory.Deadline us = draft.deadlines().get(1);
        assertEquals(LocalDate.of(2024, 9, 18), us.date());
        assertEquals("United States", us.appliesTo());
        assertEquals(List.of("US"), us.countries());
    }

    @Test
    void stepKeysAreUniqueSlugs() {
        DraftFromAdvisory.Draft draft =
                DraftFromAdvisory.propose("Patch now\n\n- Update the VPN client\n- Update the VPN client\n", TODAY);
        assertEquals(
                List.of("update-the-vpn-client", "update-the-vpn-client-2"),
                draft.steps().stream().map(DraftFromAdvisory.Step::key).toList());
    }

    @Test
    void crlfTabsAndNonBreakingSpacesAreNormalised() {
        String text = "  Rotate   your\u00a0passwords  \r\n\r\nA breach at ExampleCloud exposed hashes.\r\n\r\n"
                + "\t*   Change your ExampleCloud password by November 3.\r\n"
                + "\t*\tTurn on two-factor authentication: https://example.com/2fa.\r\n";
        DraftFromAdvisory.Draft draft = DraftFromAdvisory.propose(text, TODAY);
        assertEquals("Rotate your passwords", draft.title());
        assertEquals("A breach at ExampleCloud exposed hashes.", draft.summary());
        assertEquals(2, draft.steps().size());
        assertEquals(
                "Change your ExampleCloud password by November 3",
                draft.steps().get(0).title());
        assertEquals("Turn on two-factor authentication", draft.steps().get(1).title());
        assertEquals(List.of("https://example.com/2fa"), draft.steps().get(1).links());
        assertEquals(1, draft.deadlines().size());
        assertEquals(LocalDate.of(2025, 11, 3), draft.deadlines().get(0).date(), "year from the reference");
        assertEquals("All regions", draft.deadlines().get(0).appliesTo());
    }

    @Test
    void aDateWithoutAYearTakesTheYearOfTheOtherDates() {
        String text =
                "Browser update\n\nThe fix shipped on 2026-01-12. Install it by February 2.\n\n• Restart Chrome\n";
        DraftFromAdvisory.Draft draft = DraftFromAdvisory.propose(text, TODAY);
        assertEquals(
                List.of(LocalDate.of(2026, 1, 12), LocalDate.of(2026, 2, 2)),
                draft.deadlines().stream().map(DraftFromAdvisory.Deadline::date).toList());
    }

    @Test
    void withoutAListEachLaterParagraphIsAStep() {
        String text = """
                Phishing wave targeting payroll

                Attackers send fake payroll notices. Do not open attachments from unknown senders.

                Report suspicious mail with the Report button in Outlook.
                """;
        DraftFromAdvisory.Draft draft = DraftFromAdvisory.propose(text, TODAY);
        assertEquals("Phishing wave targeting payroll", draft.title());
        assertEquals(2, draft.steps().size());
        assertEquals("Attackers send fake payroll notices", draft.steps().get(0).title());
        assertEquals(
                "Report suspicious mail with the Report button in Outlook",
                draft.steps().get(1).title());
        assertTrue(draft.deadlines().isEmpty());
    }

    @Test
    void aSingleParagraphIsTitleAndOneStep() {
        DraftFromAdvisory.Draft draft = DraftFromAdvisory.propose(
                "Everyone must enable screen lock on their phone within the week because lost phones keep leaking"
                        + " customer data. Set it to lock after one minute.",
                TODAY);
        assertEquals(
                "Everyone must enable screen lock on their phone within the week because lost phones keep"
                        + " leaking customer data.",
                draft.title());
        assertEquals(1, draft.steps().size());
    }

    @Test
    void pastedHtmlIsReadAsText() {
        String html = "<div><p><strong>Zoom: update before 15 March 2026</strong></p>"
                + "<p>A flaw in Zoom&nbsp;for Windows lets a meeting link run code. Staff in the UK &amp; APAC"
                + " must update by 15 March 2026.</p><ul>"
                + "<li>Open Zoom and choose <em>Check for updates</em>.</li>"
                + "<li>Read the <a href=\"https://zoom.example/security/ZSB-1\">bulletin</a>.</li>"
                + "</ul><script>alert(1)</script></div>";
        DraftFromAdvisory.Draft draft = DraftFromAdvisory.propose(html, TODAY);
        assertEquals("Zoom: update before 15 March 2026", draft.title());
        assertTrue(draft.summary().startsWith("A flaw in Zoom for Windows"), draft.summary());
        assertFalse(draft.summary().contains("<"), draft.summary());
        assertEquals(2, draft.steps().size());
        assertEquals(
                "Open Zoom and choose Check for updates", draft.steps().get(0).title());
        assertEquals(
                List.of("https://zoom.example/security/ZSB-1"),
                draft.steps().get(1).links());
        DraftFromAdvisory.Deadline deadline = draft.deadlines().stream()
                .filter(d -> d.appliesTo().contains("United Kingdom"))
                .findFirst()
                .orElseThrow();
        assertEquals(LocalDate.of(2026, 3, 15), deadline.date());
        assertEquals("United Kingdom, APAC", deadline.appliesTo());
        assertTrue(deadline.countries().containsAll(List.of("GB", "JP", "SG")));
    }

    @Test
    void numberedWithParenthesesAndDashesAndOrdinals() {
        String text = "**Okta session theft** 🚨\n"
                + "Okta reports stolen session cookies.\n"
                + "Recommended actions:\n"
                + "1) Sign out of all sessions - https://okta.example/sessions\n"
                + "2) Re-enrol your FIDO key before the 1st of December 2025 (Canada and Switzerland: 5th December 2025)\n"
                + "- Tell the service desk if you see unknown sign-ins\n";
        DraftFromAdvisory.Draft draft = DraftFromAdvisory.propose(text, TODAY);
        assertEquals("Okta session theft", draft.title());
        assertEquals("Okta reports stolen session cookies.", draft.summary());
        assertEquals(3, draft.steps().size());
        assertEquals("Sign out of all sessions", draft.steps().get(0).title());
        assertEquals(
                List.of("https://okta.example/sessions"), draft.steps().get(0).links());
        assertEquals(
                List.of(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 5)),
                draft.deadlines().stream().map(DraftFromAdvisory.Deadline::date).toList());
        assertEquals("Switzerland, Canada", draft.deadlines().get(1).appliesTo());
    }

    @Test
    void nonsenseDatesAndEmptyInputGiveAnEmptyDraft() {
        DraftFromAdvisory.Draft empty = DraftFromAdvisory.propose("   \r\n \n", TODAY);
        assertEquals("", empty.title());
        assertEquals("advisory", empty.key());
        assertTrue(empty.steps().isEmpty());
        assertTrue(DraftFromAdvisory.propose("Act by 31 February 2026.", TODAY)
                .deadlines()
                .isEmpty());
        assertTrue(DraftFromAdvisory.propose(null, TODAY).steps().isEmpty());
    }

    @Test
    void theSameTextAlwaysGivesTheSameDraft() {
        assertEquals(DraftFromAdvisory.propose(LINKEDIN, TODAY), DraftFromAdvisory.propose(LINKEDIN, TODAY));
    }
}
