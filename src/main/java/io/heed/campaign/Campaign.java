package io.heed.campaign;

import io.heed.platform.error.Refusal;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A campaign: which playbook, to whom, when and how fast. It owns its state machine: each transition method
 * checks that the move is legal and refuses it ({@link #illegalMove}) when it is not.
 */
@Entity
public class Campaign extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;
    public String playbookKey;
    /** Pinned at launch. */
    public Long playbookVersionId;

    @Enumerated(EnumType.STRING)
    public CampaignStatus status = CampaignStatus.DRAFT;

    @Enumerated(EnumType.STRING)
    public CampaignStatus pausedFrom;

    @JdbcTypeCode(SqlTypes.JSON)
    public Audience audience = Audience.EVERYONE;

    public Instant sendAt;
    public LocalTime localSendTime;
    public Long spreadOverSeconds;
    public Integer ratePerMinute;
    public Integer reminderEveryDays;
    public Integer reminderMax;

    /** Region → deadline date; the key {@code *} applies to every region not named. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, LocalDate> deadlines = new TreeMap<>();

    public Integer escalateAfterDays;
    public Instant createdAt;
    public String createdBy;
    public Instant updatedAt;
    public Instant launchedAt;
    public Instant allSentAt;
    public Instant endedAt;

    @Version
    public int version;

    /** The key of {@link #deadlines} that applies to every region not named (compliance reads it too). */
    public static final String WILDCARD_REGION = "*";

    Duration spreadOver() {
        return spreadOverSeconds == null ? null : Duration.ofSeconds(spreadOverSeconds);
    }

    /** The delivery stream (pacing group) of this campaign's mail. */
    String stream() {
        return CampaignStreams.of(id);
    }

    public LocalDate deadlineFor(String region) {
        LocalDate specific = deadlines.get(region);
        return specific != null ? specific : deadlines.get(WILDCARD_REGION);
    }

    /** How the audit log names a campaign it records an action on. */
    static String auditTarget(long id) {
        return "campaign:" + id;
    }

    /** The campaign, or a refusal naming the id. */
    static Campaign require(long id) {
        return Campaign.<Campaign>findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    /**
     * The campaign, row-locked until the transaction ends: every change of a campaign takes it so, and two
     * admins (or an admin, the scheduler and a dispatcher) never move one campaign at once.
     */
    static Campaign locked(long id) {
        Campaign campaign = findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (campaign == null) {
            throw notFound(id);
        }
        return campaign;
    }

    private static Refusal notFound(long id) {
        return Refusal.notFound("No campaign " + id + ".");
    }

    // --- transitions -------------------------------------------------------------------------------------

    void requireEditable() {
        if (status != CampaignStatus.DRAFT && status != CampaignStatus.SCHEDULED) {
            throw illegalMove("edit", status);
        }
    }

    void schedule() {
        if (status != CampaignStatus.DRAFT) {
            throw illegalMove("schedule", status);
        }
        if (sendAt == null) {
            throw Refusal.conflict("Set sendAt before scheduling the campaign.", status.name());
        }
        status = CampaignStatus.SCHEDULED;
    }

    /** Sending starts: the caller snapshots recipients and queues their invitations in the same transaction. */
    void launch(long pinnedVersionId, Instant now) {
        if (status != CampaignStatus.DRAFT && status != CampaignStatus.SCHEDULED) {
            throw illegalMove("launch", status);
        }
        playbookVersionId = pinnedVersionId;
        launchedAt = now;
        status = CampaignStatus.SENDING;
    }

    void pause() {
        if (status != CampaignStatus.SCHEDULED && status != CampaignStatus.SENDING && status != CampaignStatus.ACTIVE) {
            throw illegalMove("pause", status);
        }
        pausedFrom = status;
        status = CampaignStatus.PAUSED;
    }

    void resume() {
        if (status != CampaignStatus.PAUSED) {
            throw illegalMove("resume", status);
        }
        status = pausedFrom;
        pausedFrom = null;
    }

    void cancel(Instant now) {
        if (status != CampaignStatus.DRAFT
                && status != CampaignStatus.SCHEDULED
                && status != CampaignStatus.SENDING
                && !(status == CampaignStatus.PAUSED && pausedFrom != CampaignStatus.ACTIVE)) {
            throw illegalMove("cancel", status);
        }
        end(CampaignStatus.CANCELLED, now);
    }

    /**
     * Launched and not ended: its recipients exist and may still answer. A scheduled campaign on hold (PAUSED from
     * SCHEDULED) is not, though its status is one of {@link CampaignStatus#RUNNING}: it has no recipients yet.
     */
    boolean running() {
        return status.isRunning() && !(status == CampaignStatus.PAUSED && pausedFrom == CampaignStatus.SCHEDULED);
    }

    /** Stops collecting acknowledgements; what was recorded stays, read-only. */
    void close(Instant now) {
        if (!running()) {
            throw illegalMove("close", status);
        }
        end(CampaignStatus.CLOSED, now);
    }

    /** Invitations are still going out: SENDING, or PAUSED while SENDING. */
    boolean sending() {
        return status == CampaignStatus.SENDING
                || (status == CampaignStatus.PAUSED && pausedFrom == CampaignStatus.SENDING);
    }

    /**
     * Every invitation was sent or failed: the campaign now only collects acknowledgements (ACTIVE, or PAUSED to
     * resume as ACTIVE). Only while {@link #sending()}.
     */
    void allSent(Instant now) {
        if (!sending()) {
            throw illegalMove("finish sending", status);
        }
        allSentAt = now;
        if (status == CampaignStatus.SENDING) {
            status = CampaignStatus.ACTIVE;
        } else if (status == CampaignStatus.PAUSED && pausedFrom == CampaignStatus.SENDING) {
            pausedFrom = CampaignStatus.ACTIVE;
        }
    }

    /** A move the campaign's state does not allow: a conflict naming that state. */
    static Refusal illegalMove(String action, CampaignStatus current) {
        return Refusal.conflict("Cannot " + action + " a campaign that is " + current + ".", current.name());
    }

    private void end(CampaignStatus ended, Instant now) {
        status = ended;
        pausedFrom = null;
        endedAt = now;
    }
}
