package io.heed.acknowledgement;

import io.heed.acknowledgement.AcknowledgementRefusal.Reason;
import io.heed.campaign.RecordRecipientProgress;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.heed.platform.database.SqlArray;
import io.heed.playbook.LocalizedPlaybook;
import io.heed.playbook.PlaybookCatalogue;
import io.heed.security.ClientAddressHash;
import io.heed.security.LinkTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * An employee answers from their page: one step ({@code done} or, where the playbook allows it,
 * {@code not_applicable}), or the whole playbook "not applicable" (e.g. "I have no LinkedIn account"). This is the
 * evidence the compliance dashboards count, so: only a POST carrying the page's CSRF token counts; the recipient
 * row is locked, so concurrent answers of one person apply one after the other; repeating an answer changes
 * nothing (the first answer's time stays); a different answer is recorded with its predecessor in the
 * append-only history; the recipient's completion time is set once, by the answer that completes them. Each
 * changed step fires {@link AnswerRecorded} inside the transaction.
 */
@ApplicationScoped
class RecordAcknowledgement {

    private static final Logger LOG = Logger.getLogger(RecordAcknowledgement.class);

    // One statement for the whole change: the current answers and their history.
    private static final NamedSql WRITE = NamedSql.of("""
            with change as (
                select * from unnest(:steps::text[], :previous::text[], :statuses::text[])
                           as t(step_key, previous_status, status)
            ), answer as (
                insert into step_answer (recipient_id, step_key, campaign_id, status, answered_via,
                                         first_answered_at, changed_at)
                select :recipient, step_key, :campaign, status, :via, :at, :at from change
                on conflict (recipient_id, step_key) do update
                   set status = excluded.status, answered_via = excluded.answered_via,
                       changed_at = excluded.changed_at
            )
            insert into step_answer_change (recipient_id, campaign_id, step_key, previous_status, status,
                                            answered_via, changed_at, client_address_hash, user_agent,
                                            automation_signals)
            select :recipient, :campaign, step_key, previous_status, status, :via, :at, :address, :agent, :signals
              from change""");

    /** What an answer did; {@code pageUrl} is where the browser goes next (Post/Redirect/Get). */
    record Recorded(String pageUrl, int changedSteps, boolean completedNow) {}

    @Inject
    PersonalLinks links;

    @Inject
    FormTokenSigner formTokens;

    @Inject
    PlaybookCatalogue playbooks;

    @Inject
    ScannerHeuristics heuristics;

    @Inject
    ClientAddressHash addresses;

    @Inject
    Database database;

    @Inject
    RecordRecipientProgress recipientProgress;

    @Inject
    Event<AnswerRecorded> answerRecorded;

    @Inject
    Clock clock;

    /** @throws AcknowledgementRefusal 404, 410, 403 (form) or 400 (step or status), in that order of checks */
    @Transactional
    Recorded answerStep(String token, String stepKey, String status, String formToken, ClientRequest request) {
        AnswerSheet sheet = openForAnswers(token, formToken);
        LocalizedPlaybook playbook = playbooks.localized(sheet.playbookVersionId(), Locale.ENGLISH);
        LocalizedPlaybook.Step step = playbook.step(stepKey);
        StepStatus wanted = StepStatus.parse(status).orElse(null);
        if (step == null || wanted == null || (wanted == StepStatus.NOT_APPLICABLE && !step.notApplicableAllowed())) {
            throw new AcknowledgementRefusal(Reason.BAD_REQUEST, sheet, links.pageUrl(token));
        }
        return record(token, sheet, playbook, Map.of(stepKey, wanted), false, request);
    }

    /** Every step "not applicable" at once, where the playbook has such an answer ({@code notApplicableLabel}). */
    @Transactional
    Recorded answerWholePlaybook(String token, String formToken, ClientRequest request) {
        AnswerSheet sheet = openForAnswers(token, formToken);
        LocalizedPlaybook playbook = playbooks.localized(sheet.playbookVersionId(), Locale.ENGLISH);
        if (!playbook.wholeNotApplicableAllowed()) {
            throw new AcknowledgementRefusal(Reason.BAD_REQUEST, sheet, links.pageUrl(token));
        }
        Map<String, StepStatus> wanted = new LinkedHashMap<>();
        playbook.steps().forEach(s -> wanted.put(s.key(), StepStatus.NOT_APPLICABLE));
        return record(token, sheet, playbook, wanted, true, request);
    }

    private AnswerSheet openForAnswers(String token, String formToken) {
        AnswerSheet sheet = links.open(token, true).orElseThrow(AcknowledgementRefusal::notFound);
        if (!sheet.open()) {
            throw new AcknowledgementRefusal(Reason.CAMPAIGN_ENDED, sheet, links.pageUrl(token));
        }
        if (!formTokens.verify(formToken, sheet.recipientId(), clock.instant())) {
            throw new AcknowledgementRefusal(Reason.FORM_EXPIRED, sheet, links.pageUrl(token));
        }
        return sheet;
    }

    private Recorded record(
            String token,
            AnswerSheet sheet,
            LocalizedPlaybook playbook,
            Map<String, StepStatus> wanted,
            boolean viaPlaybook,
            ClientRequest request) {
        Instant now = clock.instant();
        List<String> keys = new ArrayList<>();
        List<StepStatus> previous = new ArrayList<>();
        for (var entry : wanted.entrySet()) {
            Answer current = sheet.answers().get(entry.getKey());
            if (current == null || current.status() != entry.getValue()) {
                keys.add(entry.getKey());
                previous.add(current == null ? null : current.status());
            }
        }
        String pageUrl = links.pageUrl(token);
        if (keys.isEmpty()) {
            return new Recorded(pageUrl, 0, false); // the same answer again: nothing changes, nothing fires
        }
        boolean allAnswered = playbook.steps().stream()
                .allMatch(s -> wanted.containsKey(s.key()) || sheet.answers().containsKey(s.key()));
        boolean completesNow = sheet.completedAt() == null && allAnswered;
        write(sheet, keys, previous, wanted, viaPlaybook, now, completesNow, request);
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            answerRecorded.fire(new AnswerRecorded(
                    sheet.campaignId(),
                    sheet.recipientId(),
                    key,
                    previous.get(i),
                    wanted.get(key),
                    now,
                    completesNow && i == keys.size() - 1,
                    viaPlaybook));
        }
        LOG.debugf(
                "Recorded %d answer(s) for link %s%s",
                keys.size(), LinkTokens.fingerprint(token), completesNow ? "; recipient complete" : "");
        return new Recorded(pageUrl, keys.size(), completesNow);
    }

    private void write(
            AnswerSheet sheet,
            List<String> keys,
            List<StepStatus> previous,
            Map<String, StepStatus> wanted,
            boolean viaPlaybook,
            Instant now,
            boolean completesNow,
            ClientRequest request) {
        database.update(
                WRITE,
                Params.of("steps", SqlArray.of("text", keys))
                        .and(
                                "previous",
                                SqlArray.of(
                                        "text",
                                        previous.stream()
                                                .map(s -> s == null ? null : s.value())
                                                .toList()))
                        .and(
                                "statuses",
                                SqlArray.of(
                                        "text",
                                        keys.stream()
                                                .map(k -> wanted.get(k).value())
                                                .toList()))
                        .and("recipient", sheet.recipientId())
                        .and("campaign", sheet.campaignId())
                        .and("via", viaPlaybook ? "playbook" : "step")
                        .and("at", now)
                        .and("address", addresses.hash(request.address()))
                        .and("agent", request.storedUserAgent())
                        .and("signals", heuristics.signals(request, sheet.sentAt(), now)));
        if (completesNow) {
            // Set once: the recipient row is locked (lockAndRead), and an earlier time is never overwritten.
            recipientProgress.completed(sheet.recipientId(), now);
        }
    }
}
