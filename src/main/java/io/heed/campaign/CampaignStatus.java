package io.heed.campaign;

/**
 * DRAFT → SCHEDULED → SENDING → ACTIVE (all sent, collecting acknowledgements) → CLOSED, plus PAUSED and
 * CANCELLED. {@link Campaign} decides which moves are legal.
 */
public enum CampaignStatus {
    DRAFT,
    SCHEDULED,
    SENDING,
    ACTIVE,
    PAUSED,
    CLOSED,
    CANCELLED;

    /** Launched and not ended: recipients exist and may still answer. */
    public boolean isRunning() {
        return this == SENDING || this == ACTIVE || this == PAUSED;
    }
}
