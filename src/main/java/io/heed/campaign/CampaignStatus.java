package io.heed.campaign;

import java.util.EnumSet;
import java.util.Set;

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

    /**
     * Launched and not ended: recipients exist and may still answer. SQL receives this set as a parameter
     * ({@code c.status = any(:running)}) rather than spelling it out. PAUSED also holds a scheduled campaign on
     * hold, which has no recipients yet: SQL that reads recipients never meets it, Java asks
     * {@code Campaign.running()}.
     */
    public static final Set<CampaignStatus> RUNNING = EnumSet.of(SENDING, ACTIVE, PAUSED);

    /** Running and not paused: reminders and manager escalations go out. */
    public static final Set<CampaignStatus> FOLLOWING_UP = EnumSet.of(SENDING, ACTIVE);

    public boolean isRunning() {
        return RUNNING.contains(this);
    }
}
