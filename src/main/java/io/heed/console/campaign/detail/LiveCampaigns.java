package io.heed.console.campaign.detail;

import io.heed.compliance.ComplianceFilter;
import io.heed.compliance.dashboard.CampaignDashboardQueries;
import io.heed.compliance.dashboard.Dashboard;
import io.heed.compliance.dashboard.GroupBy;
import io.heed.platform.error.Refusal;
import io.heed.security.RegionScope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The live numbers of the campaigns someone is watching, pushed over server-sent events. Every tick (as often as
 * the counters are compacted, {@code heed.compliance.counters.compact-every}) reads each watched campaign's
 * counters ONCE, whoever and however many watch it, renders the numbers once per region scope among its
 * watchers, and sends that fragment to each of them. Fifty people on one campaign's page cost one read per tick,
 * not fifty; the read is the dashboard's own ({@link CampaignDashboardQueries}), grouped by region so each scope's
 * numbers are sums of the regions it may see.
 *
 * <p>Each replica ticks for its own watchers (a watcher's connection is held by one replica): {@code SIMPLE}, not
 * the cluster-once Quartz.
 */
@ApplicationScoped
public class LiveCampaigns {

    private static final Logger LOG = Logger.getLogger(LiveCampaigns.class);

    /** The SSE event name the page's {@code sse-swap} listens for. */
    static final String EVENT = "numbers";

    @Inject
    CampaignDashboardQueries dashboards;

    @Inject
    MeterRegistry registry;

    /** One region scope's watchers of one campaign: they all receive the same rendered numbers. */
    private static final class Channel {
        final BroadcastProcessor<OutboundSseEvent> events = BroadcastProcessor.create();
        final AtomicInteger watchers = new AtomicInteger();
        volatile OutboundSseEvent last;
    }

    /** campaign → scope → its watchers' channel. */
    private final Map<Long, Map<RegionScope, Channel>> channels = new ConcurrentHashMap<>();

    private final AtomicLong reads = new AtomicLong();
    private final Map<Long, AtomicLong> readsByCampaign = new ConcurrentHashMap<>();
    private final AtomicLong ticks = new AtomicLong();
    private Counter readCounter;
    private volatile Sse sse;

    @PostConstruct
    void meters() {
        readCounter = Counter.builder("heed.console.live.reads")
                .description(
                        "Counter reads made for the console's live campaign numbers (one per watched campaign per tick)")
                .register(registry);
    }

    /** The numbers of {@code campaignId} within {@code scope}, one event per tick, for as long as the watcher stays. */
    Multi<OutboundSseEvent> watch(long campaignId, RegionScope scope, Sse sse) {
        this.sse = sse;
        Channel channel = channels.computeIfAbsent(campaignId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(scope, s -> new Channel());
        // The first event goes out at once, on the request's own thread (the response starts there, with its
        // filters), and costs no read: the channel's last numbers, or an empty "ready" the page does not swap.
        OutboundSseEvent first = channel.last != null
                ? channel.last
                : sse.newEventBuilder()
                        .name("ready")
                        .mediaType(MediaType.TEXT_PLAIN_TYPE)
                        .data(String.class, "")
                        .build();
        return Multi.createBy()
                .concatenating()
                .streams(
                        Multi.createFrom().item(first),
                        channel.events.onOverflow().drop())
                .onSubscription()
                .invoke(() -> channel.watchers.incrementAndGet())
                .onTermination()
                .invoke((failure, cancelled) -> {
                    channel.watchers.decrementAndGet();
                    LOG.debugf(failure, "live watcher left (cancelled: %s)", cancelled);
                });
    }

    @Scheduled(
            identity = "console-live-campaigns",
            executeWith = Scheduled.SIMPLE,
            every = "${heed.console.live-every:${heed.compliance.counters.compact-every:2s}}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        tick();
    }

    /** One round: each watched campaign read once, its numbers sent to every watcher. */
    synchronized void tick() {
        for (var entry : channels.entrySet()) {
            long campaignId = entry.getKey();
            Map<RegionScope, Channel> byScope = entry.getValue();
            if (byScope.values().stream().allMatch(c -> c.watchers.get() <= 0)) {
                continue;
            }
            Dashboard dashboard;
            try {
                dashboard = dashboards.dashboard(campaignId, GroupBy.REGION, ComplianceFilter.EVERYTHING);
            } catch (Refusal gone) {
                channels.remove(campaignId);
                byScope.values().forEach(c -> c.events.onComplete());
                continue;
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not read the live numbers of campaign %d", campaignId);
                continue;
            } finally {
                reads.incrementAndGet();
                readsByCampaign
                        .computeIfAbsent(campaignId, k -> new AtomicLong())
                        .incrementAndGet();
                readCounter.increment();
            }
            byScope.forEach((scope, channel) -> {
                if (channel.watchers.get() > 0) {
                    send(Live.of(campaignId, dashboard, scope), channel);
                }
            });
        }
        ticks.incrementAndGet();
    }

    private void send(Live live, Channel channel) {
        Sse events = sse;
        if (events == null) {
            return;
        }
        String html = CampaignDetailController.Templates.detail$numbers(live).render();
        OutboundSseEvent event = events.newEventBuilder()
                .name(EVENT)
                // The media type is the event data's own (text); without it the data would be written as the
                // stream's text/event-stream, for which a String has no writer, and the connection would break.
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, html.replace("\n", " "))
                .build();
        channel.last = event;
        channel.events.onNext(event);
    }

    /** Counter reads and ticks so far, of one campaign and of all, taken between ticks (never half-way through one). */
    public record Stats(long campaignReads, long allReads, long ticks) {}

    /**
     * How many counter reads the live numbers have made of {@code campaignId}, of every campaign (the meter {@code
     * heed.console.live.reads}), and how many ticks ran, since start.
     */
    public synchronized Stats stats(long campaignId) {
        AtomicLong campaign = readsByCampaign.get(campaignId);
        return new Stats(campaign == null ? 0 : campaign.get(), reads.get(), ticks.get());
    }

    /** How many connections watch {@code campaignId} now. */
    public int watching(long campaignId) {
        Map<RegionScope, Channel> byScope = channels.get(campaignId);
        return byScope == null
                ? 0
                : byScope.values().stream().mapToInt(c -> c.watchers.get()).sum();
    }
}
