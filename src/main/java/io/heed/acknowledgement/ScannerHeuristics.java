package io.heed.acknowledgement;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a request may come from a machine rather than the employee: mail security gateways (Microsoft
 * Safe Links, Proofpoint, Mimecast …) and previewers open every link in a message, often within seconds of
 * delivery, often with HEAD or a library's User-Agent and without the headers a browser sends. The answer is a
 * list of signals, stored with the visit; a visit with any signal is "possibly automated". Heuristics only: a
 * scanner that imitates a browser well passes as human, which is why no visit ever counts as an acknowledgement.
 */
@Singleton
class ScannerHeuristics {

    private final List<String> userAgentParts;
    private final Duration afterDelivery;

    @Inject
    ScannerHeuristics(AcknowledgementConfig config) {
        this(config.scanners().userAgents(), config.scanners().afterDelivery());
    }

    /**
     * @param userAgentParts case-insensitive parts of User-Agent headers that mark a known scanner
     * @param afterDelivery how soon after the invitation was sent a visit looks automated
     */
    ScannerHeuristics(List<String> userAgentParts, Duration afterDelivery) {
        this.userAgentParts = userAgentParts.stream()
                .map(p -> p.trim().toLowerCase(Locale.ROOT))
                .filter(p -> !p.isEmpty())
                .toList();
        this.afterDelivery = afterDelivery;
    }

    /** Comma-separated signals, e.g. {@code head,scanner-user-agent}; null when the request looks human. */
    String signals(ClientRequest request, Instant sentAt, Instant now) {
        List<String> signals = new ArrayList<>(4);
        if ("HEAD".equals(request.method())) {
            signals.add("head");
        }
        String agent = request.userAgent();
        if (agent == null || agent.isBlank()) {
            signals.add("no-user-agent");
        } else if (knownScanner(agent)) {
            signals.add("scanner-user-agent");
        }
        if (request.acceptLanguage() == null || request.acceptLanguage().isBlank()) {
            signals.add("no-accept-language");
        }
        if (request.purpose() != null
                && request.purpose().toLowerCase(Locale.ROOT).contains("prefetch")) {
            signals.add("prefetch");
        }
        if (sentAt != null
                && !now.isBefore(sentAt)
                && Duration.between(sentAt, now).compareTo(afterDelivery) < 0) {
            signals.add("soon-after-delivery");
        }
        return signals.isEmpty() ? null : String.join(",", signals);
    }

    private boolean knownScanner(String userAgent) {
        String agent = userAgent.toLowerCase(Locale.ROOT);
        for (String part : userAgentParts) {
            if (agent.contains(part)) {
                return true;
            }
        }
        return false;
    }
}
