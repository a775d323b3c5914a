package io.heed.acknowledgement;

import io.heed.campaign.CampaignStatus;
import java.time.Instant;
import java.util.Map;

/**
 * One recipient as the acknowledgement page sees them: what the link is checked against, the campaign's state and
 * pinned playbook version, and their current answers by step key. Read in one query ({@link AnswerSheetQueries}).
 */
record AnswerSheet(
        long recipientId,
        long campaignId,
        byte[] linkNonce,
        String campaignName,
        CampaignStatus campaignStatus,
        long playbookVersionId,
        String locale,
        String timeZone,
        Instant deadlineAt,
        Instant sentAt,
        Instant completedAt,
        Map<String, Answer> answers) {

    /** Answers may be given and changed while the campaign runs (paused included); afterwards they are read-only. */
    boolean open() {
        return campaignStatus.isRunning();
    }
}
