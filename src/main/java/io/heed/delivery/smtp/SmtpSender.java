package io.heed.delivery.smtp;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Sends batches over {@code heed.smtp.connections} SMTP connections in parallel, through Jakarta Mail (Eclipse
 * Angus). The connections stay open between batches.
 */
@ApplicationScoped
public class SmtpSender {

    private static final Logger LOG = Logger.getLogger(SmtpSender.class);

    /**
     * Jakarta Mail looks up its stream provider for every multipart it writes, through the ServiceLoader unless
     * this property names it; on a classpath of a few hundred jars that lookup costs more than the SMTP
     * conversation (upstream jakartaee/mail-api issues 699 and 861).
     */
    static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";

    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    @Inject
    SmtpConfig config;

    @Inject
    MailIdentity identity;

    @Inject
    StandInRelay standIn;

    @Inject
    Clock clock;

    private SmtpEndpoint endpoint;
    private List<SmtpConnection> connections;
    private ExecutorService threads;

    /** Opens nothing yet: connections open on first use. */
    public synchronized void start() {
        if (threads != null) {
            return;
        }
        if (System.getProperty(STREAM_PROVIDER_PROPERTY) == null) {
            System.setProperty(STREAM_PROVIDER_PROPERTY, ANGUS_STREAM_PROVIDER);
        }
        SmtpEndpoint target = endpoint();
        Session session = Session.getInstance(properties(target));
        int count = Math.max(1, config.connections());
        connections = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            connections.add(new SmtpConnection(
                    session, target, identity, clock, config.messagesPerConnection(), config.idleTimeout()));
        }
        AtomicInteger number = new AtomicInteger();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        threads = Executors.newFixedThreadPool(count, task -> {
            Thread thread = new Thread(task, "heed-smtp-" + number.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        });
        LOG.infof("Sending mail to %s over up to %d connections", target, count);
    }

    /** The configured SMTP server, or the built-in catcher when no {@code heed.smtp.host} is set. */
    public synchronized SmtpEndpoint endpoint() {
        if (endpoint == null) {
            endpoint = config.host()
                    .filter(host -> !host.isBlank())
                    .map(host -> new SmtpEndpoint(
                            host,
                            config.port().orElse(defaultPort(config.tls())),
                            config.tls(),
                            config.username().filter(u -> !u.isBlank()).orElse(null),
                            config.password().orElse(null)))
                    .orElseGet(standIn::endpoint);
        }
        return endpoint;
    }

    /**
     * Sends every message and returns one result for each. Messages no connection could take (the server is
     * unreachable) come back as transient failures. One batch at a time: the connections are this sender's.
     */
    public synchronized List<SendResult> send(List<OutgoingMail> batch) {
        start();
        Queue<OutgoingMail> work = new ConcurrentLinkedQueue<>(batch);
        Queue<SendResult> results = new ConcurrentLinkedQueue<>();
        List<Callable<String>> tasks = new ArrayList<>();
        for (SmtpConnection connection : connections.subList(0, Math.min(connections.size(), batch.size()))) {
            tasks.add(() -> connection.drain(work, results));
        }
        String unreachable = null;
        try {
            for (Future<String> done : threads.invokeAll(tasks)) {
                unreachable = unreachable != null ? unreachable : done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.error("An SMTP connection failed unexpectedly", e.getCause());
        }
        // Left over when no connection could be opened: they share the reason the last one could not.
        String reason = unreachable != null ? unreachable : "not attempted: no connection to " + endpoint;
        for (OutgoingMail left; (left = work.poll()) != null; ) {
            results.add(new SendResult(left, SendResult.Kind.TRANSIENT, reason));
        }
        return new ArrayList<>(results);
    }

    @PreDestroy
    synchronized void stop() {
        if (threads != null) {
            threads.shutdownNow();
            connections.forEach(SmtpConnection::close);
            threads = null;
        }
    }

    static int defaultPort(SmtpConfig.Tls tls) {
        return switch (tls) {
            case SMTPS -> 465;
            case STARTTLS -> 587;
            case NONE -> 25;
        };
    }

    private Properties properties(SmtpEndpoint target) {
        String prefix = "mail." + target.protocol() + ".";
        Properties p = new Properties();
        p.setProperty(prefix + "host", target.host());
        p.setProperty(prefix + "port", Integer.toString(target.port()));
        p.setProperty(
                prefix + "connectiontimeout",
                Long.toString(config.connectTimeout().toMillis()));
        p.setProperty(prefix + "timeout", Long.toString(config.timeout().toMillis()));
        p.setProperty(prefix + "writetimeout", Long.toString(config.timeout().toMillis()));
        // The envelope sender is the From address; QUIT without waiting for the goodbye.
        p.setProperty(prefix + "from", identity.from().getAddress());
        p.setProperty(prefix + "quitwait", "false");
        p.setProperty(prefix + "auth", Boolean.toString(target.username() != null));
        p.put(prefix + "socketFactory", NoDelaySocketFactory.INSTANCE);
        switch (target.tls()) {
            case STARTTLS -> {
                p.setProperty(prefix + "starttls.enable", "true");
                p.setProperty(prefix + "starttls.required", "true");
                p.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            case SMTPS -> {
                p.setProperty(prefix + "ssl.enable", "true");
                p.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            case NONE -> {}
        }
        return p;
    }
}
