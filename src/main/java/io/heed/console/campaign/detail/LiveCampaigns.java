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
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    /** campaign → scope → its watchers' connections. */
    private final Map<Long, Map<RegionScope, Set<SseEventSink>>> watchers = new ConcurrentHashMap<>();

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

    void watch(long campaignId, RegionScope scope, SseEventSink sink, Sse sse) {
        this.sse = sse;
        watchers.computeIfAbsent(campaignId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(scope, s -> ConcurrentHashMap.newKeySet())
                .add(sink);
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
        for (var entry : watchers.entrySet()) {
            long campaignId = entry.getKey();
            Map<RegionScope, Set<SseEventSink>> byScope = entry.getValue();
            byScope.values().forEach(sinks -> sinks.removeIf(SseEventSink::isClosed));
            byScope.values().removeIf(Set::isEmpty);
            if (byScope.isEmpty()) {
                watchers.remove(campaignId, byScope);
                continue;
            }
            Dashboard dashboard;
            try {
                dashboard = dashboards.dashboard(campaignId, GroupBy.REGION, ComplianceFilter.EVERYTHING);
            } catch (Refusal gone) {
                byScope.values().forEach(sinks -> sinks.forEach(SseEventSink::close));
                watchers.remove(campaignId);
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
            byScope.forEach((scope, sinks) -> send(Live.of(campaignId, dashboard, scope), sinks));
        }
        ticks.incrementAndGet();
    }

    private void send(Live live, Set<SseEventSink> sinks) {
        Sse events = sse;
        if (events == null) {
            return;
        }
        String html = CampaignDetailController.Templates.detail$numbers(live).render();
        OutboundSseEvent event = events.newEventBuilder()
                .name(EVENT)
                .data(html.replace("\n", " "))
                .build();
        for (SseEventSink sink : sinks) {
            if (sink.isClosed()) {
                sinks.remove(sink);
                continue;
            }
            sink.send(event).whenComplete((ok, failure) -> {
                if (failure != null) {
                    sinks.remove(sink);
                    sink.close();
                }
            });
        }
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
        Map<RegionScope, Set<SseEventSink>> byScope = watchers.get(campaignId);
        return byScope == null
                ? 0
                : byScope.values().stream()
                        .mapToInt(
                                s -> (int) s.stream().filter(k -> !k.isClosed()).count())
                        .sum();
    }
}
