package io.heed.delivery;

import io.heed.delivery.smtp.OutgoingMail;
import io.heed.delivery.smtp.SendResult;
import io.heed.delivery.smtp.SmtpSender;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends due mail, on every replica: claim a batch (and commit), compose it, send it over SMTP, record the
 * outcomes (and tell the owners). Safe to run anywhere any number of times, since each claim takes its rows
 * with {@code FOR UPDATE SKIP LOCKED}; a crash between claim and record leaves the rows SENDING until their
 * lease expires, and then they are claimed again (docs/delivery.md explains the duplicate bound). Public for
 * tests of other packages that run one round by hand ({@link #dispatchOnce}).
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    @Inject
    DeliveryConfig config;

    @Inject
    OutboxClaims claims;

    @Inject
    ComposeBatch composeBatch;

    @Inject
    SmtpSender sender;

    @Inject
    OutboxOutcomes outcomes;

    @Inject
    Clock clock;

    private volatile boolean running;
    private Thread loop;

    /** What one round did. */
    public record Round(int claimed, int sent, int retried, int failed, int cancelled, int reported) {
        static final Round IDLE = new Round(0, 0, 0, 0, 0, 0);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("heed.delivery.enabled=false: this replica queues mail but does not send it");
            return;
        }
        sender.start();
        running = true;
        loop = new Thread(this::run, "heed-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread thread = loop;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                // The batch in hand is finished and recorded; what is not is claimed again after its lease.
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        long pause = config.pollInterval().toNanos();
        while (running) {
            try {
                Round round = dispatchOnce();
                if (round.claimed() < config.batchSize()) {
                    LockSupport.parkNanos(pause);
                }
            } catch (Exception e) {
                LOG.error("Dispatching mail failed; trying again after the poll interval", e);
                LockSupport.parkNanos(pause);
            }
        }
    }

    /** One round: report outstanding outcomes, then claim, compose, send and record one batch. */
    @ActivateRequestContext
    public Round dispatchOnce() throws Exception {
        int reported = reportOutstanding();
        OutboxClaims.Claim claim = claims.claim();
        if (claim.isEmpty()) {
            return reported == 0 ? Round.IDLE : new Round(0, 0, 0, 0, 0, reported);
        }
        List<ComposeBatch.Composed> composed;
        try {
            composed = composeBatch.compose(claim.messages());
        } catch (RuntimeException e) {
            LOG.error("Composing a batch failed; its messages are retried", e);
            composed = claim.messages().stream()
                    .<ComposeBatch.Composed>map(
                            m -> new ComposeBatch.NotComposed(m, "composing failed: " + e.getMessage()))
                    .toList();
        }
        List<OutgoingMail> outgoing = new ArrayList<>();
        List<OutboxOutcomes.Change> changes = new ArrayList<>();
        Instant now = clock.instant();
        for (ComposeBatch.Composed c : composed) {
            if (c instanceof ComposeBatch.Ready ready) {
                outgoing.add(new OutgoingMail(ready.message(), ready.mail()));
            } else if (c instanceof ComposeBatch.NotWanted) {
                changes.add(new OutboxOutcomes.Change(
                        c.message(), OutboxMessage.Status.CANCELLED, "no longer wanted by its composer", null, null));
            } else if (c instanceof ComposeBatch.NotComposed notComposed) {
                changes.add(retryOrFail(c.message(), notComposed.reason(), null, now));
            }
        }
        Map<Long, String> hashes = outgoing.stream()
                .collect(Collectors.toMap(o -> o.queued().id(), o -> o.mail().contentSha256()));
        for (SendResult result : outgoing.isEmpty() ? List.<SendResult>of() : sender.send(outgoing)) {
            QueuedMessage message = result.mail().queued();
            String hash = hashes.get(message.id());
            changes.add(
                    switch (result.kind()) {
                        case SENT ->
                            new OutboxOutcomes.Change(message, OutboxMessage.Status.SENT, result.reply(), hash, null);
                        case PERMANENT ->
                            new OutboxOutcomes.Change(message, OutboxMessage.Status.FAILED, result.reply(), hash, null);
                        case TRANSIENT -> retryOrFail(message, result.reply(), hash, clock.instant());
                    });
        }
        record(claim, changes);
        return summary(claim, changes, reported);
    }

    private OutboxOutcomes.Change retryOrFail(QueuedMessage message, String reason, String hash, Instant now) {
        if (message.attempt() >= config.maxAttempts()) {
            return new OutboxOutcomes.Change(
                    message,
                    OutboxMessage.Status.FAILED,
                    reason + " (gave up after " + message.attempt() + " attempts)",
                    hash,
                    null);
        }
        return new OutboxOutcomes.Change(
                message,
                OutboxMessage.Status.PENDING,
                reason,
                hash,
                Backoff.of(config).nextAttempt(now, message.attempt()));
    }

    private void record(OutboxClaims.Claim claim, List<OutboxOutcomes.Change> changes) throws Exception {
        int recorded;
        try {
            recorded = outcomes.record(claim.token(), changes, true);
        } catch (RuntimeException e) {
            // Most likely a listener failed: keep the outcomes, and report them again on the next round.
            LOG.error("Recording a batch with its listeners failed; recording it alone, to report later", e);
            recorded = outcomes.record(claim.token(), changes, false);
        }
        if (recorded < changes.size()) {
            LOG.warnf(
                    "%d of %d messages had been claimed again by another dispatcher before their outcome was"
                            + " recorded (lease %s too short for a batch?)",
                    changes.size() - recorded, changes.size(), config.lease());
        }
    }

    private int reportOutstanding() throws Exception {
        try {
            return outcomes.reportPending(config.batchSize());
        } catch (RuntimeException e) {
            LOG.error("A delivery listener failed; its outcomes are offered again on the next round", e);
            return 0;
        }
    }

    private static Round summary(OutboxClaims.Claim claim, List<OutboxOutcomes.Change> changes, int reported) {
        Map<OutboxMessage.Status, Long> counts =
                changes.stream().collect(Collectors.groupingBy(OutboxOutcomes.Change::status, Collectors.counting()));
        Function<OutboxMessage.Status, Integer> count =
                s -> counts.getOrDefault(s, 0L).intValue();
        return new Round(
                claim.messages().size(),
                count.apply(OutboxMessage.Status.SENT),
                count.apply(OutboxMessage.Status.PENDING),
                count.apply(OutboxMessage.Status.FAILED),
                count.apply(OutboxMessage.Status.CANCELLED),
                reported);
    }
}
