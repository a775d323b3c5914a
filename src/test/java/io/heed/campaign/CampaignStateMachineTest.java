package io.heed.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.platform.error.Refusal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every move of a campaign from every state, legal and illegal, on the entity alone (no Quarkus, no database).
 * An illegal move is a conflict naming the current state and leaves the campaign as it was.
 */
class CampaignStateMachineTest {

    private static final Instant LAUNCHED = Instant.parse("2027-01-11T08:00:00Z");
    private static final Instant LATER = Instant.parse("2027-01-12T08:00:00Z");

    /** The moves, with the words a refusal uses for each. */
    enum Move {
        EDIT("edit", Campaign::requireEditable),
        SCHEDULE("schedule", Campaign::schedule),
        LAUNCH("launch", c -> c.launch(7, LATER)),
        PAUSE("pause", Campaign::pause),
        RESUME("resume", Campaign::resume),
        CANCEL("cancel", c -> c.cancel(LATER)),
        CLOSE("close", c -> c.close(LATER)),
        ALL_SENT("finish sending", c -> c.allSent(LATER));

        final String words;
        final Consumer<Campaign> move;

        Move(String words, Consumer<Campaign> move) {
            this.words = words;
            this.move = move;
        }
    }

    /** Each state a campaign can be in, reached through legal moves. */
    private static final Map<String, Supplier<Campaign>> STATES = new LinkedHashMap<>();

    static {
        STATES.put("DRAFT", CampaignStateMachineTest::draft);
        STATES.put("DRAFT with sendAt", CampaignStateMachineTest::draftWithSendAt);
        STATES.put("SCHEDULED", () -> moved(draftWithSendAt(), Campaign::schedule));
        STATES.put("SENDING", CampaignStateMachineTest::sending);
        STATES.put("ACTIVE", () -> moved(sending(), c -> c.allSent(LAUNCHED)));
        STATES.put("PAUSED from SCHEDULED", () -> moved(STATES.get("SCHEDULED").get(), Campaign::pause));
        STATES.put("PAUSED from SENDING", () -> moved(sending(), Campaign::pause));
        STATES.put("PAUSED from ACTIVE", () -> moved(STATES.get("ACTIVE").get(), Campaign::pause));
        STATES.put("CLOSED", () -> moved(sending(), c -> c.close(LAUNCHED)));
        STATES.put("CANCELLED", () -> moved(draft(), c -> c.cancel(LAUNCHED)));
    }

    /** state → move → the state it leads to ("status" or "PAUSED from status"); absent: illegal. */
    private static final Map<String, Map<Move, String>> LEGAL = new LinkedHashMap<>();

    static {
        legal("DRAFT", Move.EDIT, "DRAFT");
        legal("DRAFT", Move.LAUNCH, "SENDING");
        legal("DRAFT", Move.CANCEL, "CANCELLED");
        legal("DRAFT with sendAt", Move.EDIT, "DRAFT");
        legal("DRAFT with sendAt", Move.SCHEDULE, "SCHEDULED");
        legal("DRAFT with sendAt", Move.LAUNCH, "SENDING");
        legal("DRAFT with sendAt", Move.CANCEL, "CANCELLED");
        legal("SCHEDULED", Move.EDIT, "SCHEDULED");
        legal("SCHEDULED", Move.LAUNCH, "SENDING");
        legal("SCHEDULED", Move.PAUSE, "PAUSED from SCHEDULED");
        legal("SCHEDULED", Move.CANCEL, "CANCELLED");
        legal("SENDING", Move.PAUSE, "PAUSED from SENDING");
        legal("SENDING", Move.CANCEL, "CANCELLED");
        legal("SENDING", Move.CLOSE, "CLOSED");
        legal("SENDING", Move.ALL_SENT, "ACTIVE");
        legal("ACTIVE", Move.PAUSE, "PAUSED from ACTIVE");
        legal("ACTIVE", Move.CLOSE, "CLOSED");
        legal("PAUSED from SCHEDULED", Move.RESUME, "SCHEDULED");
        legal("PAUSED from SCHEDULED", Move.CANCEL, "CANCELLED");
        legal("PAUSED from SENDING", Move.RESUME, "SENDING");
        legal("PAUSED from SENDING", Move.CANCEL, "CANCELLED");
        legal("PAUSED from SENDING", Move.CLOSE, "CLOSED");
        legal("PAUSED from SENDING", Move.ALL_SENT, "PAUSED from ACTIVE");
        legal("PAUSED from ACTIVE", Move.RESUME, "ACTIVE");
        legal("PAUSED from ACTIVE", Move.CLOSE, "CLOSED");
    }

    @Test
    void everyMoveFromEveryStateIsLegalOrRefusedAsTheTableSays() {
        int refused = 0;
        for (var state : STATES.entrySet()) {
            for (Move move : Move.values()) {
                if (state.getKey().equals("DRAFT") && move == Move.SCHEDULE) {
                    continue; // refused for want of a send time: schedulingNeedsASendTime
                }
                Campaign campaign = state.getValue().get();
                String target = LEGAL.getOrDefault(state.getKey(), Map.of()).get(move);
                String context = move + " from " + state.getKey();
                if (target != null) {
                    move.move.accept(campaign);
                    assertEquals(target, stateOf(campaign), context);
                } else {
                    String before = stateOf(campaign);
                    CampaignStatus status = campaign.status;
                    Refusal refusal = assertThrows(Refusal.class, () -> move.move.accept(campaign), context);
                    assertEquals(Refusal.Kind.CONFLICT, refusal.kind(), context);
                    assertEquals(status.name(), refusal.state(), context);
                    assertEquals("Cannot " + move.words + " a campaign that is " + status + ".", refusal.reason());
                    assertEquals(before, stateOf(campaign), context + " leaves the campaign as it was");
                    refused++;
                }
            }
        }
        assertEquals(STATES.size() * Move.values().length - legalMoves() - 1, refused, "every pair was tried");
    }

    @Test
    void schedulingNeedsASendTime() {
        Campaign campaign = draft();
        Refusal refusal = assertThrows(Refusal.class, campaign::schedule);
        assertEquals(Refusal.Kind.CONFLICT, refusal.kind());
        assertEquals("DRAFT", refusal.state());
        assertTrue(refusal.reason().contains("sendAt"), refusal.reason());
        assertEquals(CampaignStatus.DRAFT, campaign.status);
    }

    @Test
    void launchingPinsTheVersionAndRecordsTheTime() {
        Campaign campaign = STATES.get("SCHEDULED").get();
        campaign.launch(42, LATER);
        assertEquals(42L, campaign.playbookVersionId);
        assertEquals(LATER, campaign.launchedAt);
    }

    @Test
    void endingRecordsTheTimeAndForgetsThePause() {
        for (String state : new String[] {"PAUSED from SENDING", "PAUSED from SCHEDULED"}) {
            Campaign cancelled = STATES.get(state).get();
            cancelled.cancel(LATER);
            assertEquals(LATER, cancelled.endedAt);
            assertNull(cancelled.pausedFrom);
        }
        Campaign closed = STATES.get("PAUSED from ACTIVE").get();
        closed.close(LATER);
        assertEquals(LATER, closed.endedAt);
        assertNull(closed.pausedFrom);
    }

    @Test
    void allSentRecordsTheTimeOnlyWhileSending() {
        Campaign sending = sending();
        assertTrue(sending.sending());
        sending.allSent(LATER);
        assertEquals(LATER, sending.allSentAt);
        assertFalse(sending.sending());
        Campaign paused = STATES.get("PAUSED from SENDING").get();
        assertTrue(paused.sending());
        paused.allSent(LATER);
        assertEquals(LATER, paused.allSentAt);
        paused.resume();
        assertEquals(CampaignStatus.ACTIVE, paused.status);
    }

    @Test
    void runningMeansLaunchedAndNotEnded() {
        Map<String, Boolean> running = new LinkedHashMap<>();
        STATES.forEach((state, campaign) -> running.put(state, campaign.get().running()));
        Map<String, Boolean> expected = new LinkedHashMap<>();
        for (String state : STATES.keySet()) {
            expected.put(
                    state,
                    state.equals("SENDING")
                            || state.equals("ACTIVE")
                            || state.equals("PAUSED from SENDING")
                            || state.equals("PAUSED from ACTIVE"));
        }
        assertEquals(expected, running);
    }

    // --- states --------------------------------------------------------------------------------------------------

    private static Campaign draft() {
        Campaign campaign = new Campaign();
        campaign.id = 1L;
        return campaign;
    }

    private static Campaign draftWithSendAt() {
        Campaign campaign = draft();
        campaign.sendAt = LAUNCHED;
        return campaign;
    }

    private static Campaign sending() {
        return moved(draftWithSendAt(), c -> c.launch(7, LAUNCHED));
    }

    private static Campaign moved(Campaign campaign, Consumer<Campaign> move) {
        move.accept(campaign);
        return campaign;
    }

    private static String stateOf(Campaign campaign) {
        return campaign.status == CampaignStatus.PAUSED ? "PAUSED from " + campaign.pausedFrom : campaign.status.name();
    }

    private static void legal(String state, Move move, String target) {
        LEGAL.computeIfAbsent(state, s -> new EnumMap<>(Move.class)).put(move, target);
    }

    private static int legalMoves() {
        return LEGAL.values().stream().mapToInt(Map::size).sum();
    }
}
