package io.heed.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kinds and references of a campaign's messages: the formats queued outbox rows already carry, written and read
 * back unchanged (rows queued before an upgrade are composed after it).
 */
class CampaignMessageTest {

    @Test
    void eachMessageKeepsTheFormatQueuedRowsCarry() {
        assertMessage(new CampaignMessage.Invitation(42), "invitation", "recipient:42");
        assertMessage(new CampaignMessage.Reminder(42, 3), "reminder", "recipient:42:reminder:3");
        assertMessage(new CampaignMessage.Escalation(7), "escalation", "escalation:7");
        assertMessage(new CampaignMessage.TestSend(9), "campaign-test", "test-send:9");
    }

    @Test
    void theSqlParametersSpellTheSameReferences() {
        assertEquals("recipient:" + 42, CampaignMessage.Invitation.SQL.get("invitationPrefix") + "42");
        assertEquals(
                "recipient:42:reminder:3",
                CampaignMessage.Reminder.SQL.get("reminderPrefix")
                        + "42"
                        + CampaignMessage.Reminder.SQL.get("reminderSeparator")
                        + "3");
        assertEquals("escalation:7", CampaignMessage.Escalation.SQL.get("escalationPrefix") + "7");
        assertEquals("invitation", CampaignMessage.Invitation.SQL.get("invitationKind"));
        assertEquals("reminder", CampaignMessage.Reminder.SQL.get("reminderKind"));
        assertEquals("escalation", CampaignMessage.Escalation.SQL.get("escalationKind"));
    }

    @Test
    void onlyCampaignKindsAreHandled() {
        for (String kind : List.of("invitation", "reminder", "escalation", "campaign-test")) {
            assertTrue(CampaignMessage.isCampaignKind(kind), kind);
        }
        assertFalse(CampaignMessage.isCampaignKind("delivery-check"));
        assertFalse(CampaignMessage.isCampaignKind(null));
    }

    @Test
    void malformedReferencesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CampaignMessage.parse("invitation", "recipient:x"));
        assertThrows(IllegalArgumentException.class, () -> CampaignMessage.parse("invitation", "escalation:1"));
        assertThrows(IllegalArgumentException.class, () -> CampaignMessage.parse("reminder", "recipient:1"));
        assertThrows(IllegalArgumentException.class, () -> CampaignMessage.parse("reminder", "recipient:1:reminder:"));
        assertThrows(IllegalArgumentException.class, () -> CampaignMessage.parse("campaign-test", "test-send:"));
        assertThrows(IllegalArgumentException.class, () -> CampaignMessage.parse("report", "recipient:1"));
        assertThrows(IllegalArgumentException.class, () -> CampaignMessage.parse("invitation", null));
    }

    private static void assertMessage(CampaignMessage message, String kind, String reference) {
        assertEquals(kind, message.kind());
        assertEquals(reference, message.reference());
        assertEquals(message, CampaignMessage.parse(kind, reference));
    }
}
