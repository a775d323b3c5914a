package io.heed.delivery.catcher;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.heed.delivery.smtp.SmtpConfig;
import io.heed.delivery.smtp.SmtpEndpoint;
import io.heed.delivery.smtp.StandInRelay;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The built-in mail catcher: a real SMTP server (GreenMail) on localhost that keeps what it receives in memory,
 * so Heed delivers somewhere visible out of the box ({@code /dev/mailbox}). Started only when no
 * {@code heed.smtp.host} is configured; with one, it never starts. With {@code heed.smtp.catcher-enabled=false}
 * (the container image) a missing host stops start-up instead.
 */
@Startup
@ApplicationScoped
public class MailCatcher implements StandInRelay {

    private static final Logger LOG = Logger.getLogger(MailCatcher.class);
    private static final String LOOPBACK = "127.0.0.1";

    @Inject
    SmtpConfig config;

    private GreenMail server;
    private ScheduledExecutorService trimmer;

    @PostConstruct
    void start() {
        if (config.host().filter(host -> !host.isBlank()).isPresent()) {
            return;
        }
        if (!config.catcherEnabled()) {
            throw new IllegalStateException("No SMTP relay configured: set heed.smtp.host (HEED_SMTP_HOST). The"
                    + " built-in mail catcher is off (heed.smtp.catcher-enabled=false), so Heed will not start"
                    + " without a relay rather than keep every message to itself.");
        }
        server = new GreenMail(new ServerSetup(config.catcherPort(), LOOPBACK, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        trimmer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "heed-mail-catcher-trim");
            thread.setDaemon(true);
            return thread;
        });
        trimmer.scheduleWithFixedDelay(this::trim, 5, 5, TimeUnit.SECONDS);
        LOG.infof(
                "No heed.smtp.host configured: mail goes to the built-in catcher on smtp://%s:%d, shown at"
                        + " /dev/mailbox",
                LOOPBACK, server.getSmtp().getPort());
    }

    public boolean running() {
        return server != null;
    }

    /** Where the catcher listens; only when {@link #running()}. */
    @Override
    public SmtpEndpoint endpoint() {
        if (server == null) {
            throw new IllegalStateException("The mail catcher is not running: heed.smtp.host is set");
        }
        return new SmtpEndpoint(LOOPBACK, server.getSmtp().getPort(), SmtpConfig.Tls.NONE, null, null);
    }

    /** The caught messages, newest first, at most {@code limit}; empty when the catcher is not running. */
    public List<Caught> newest(int limit) {
        if (server == null) {
            return List.of();
        }
        return server.getManagers().getImapHostManager().getAllMessages().stream()
                .map(stored -> new Caught(stored.getReceivedDate(), stored.getMimeMessage()))
                .sorted(Comparator.comparing(Caught::receivedAt).reversed())
                .limit(limit)
                .toList();
    }

    /** How many messages the catcher holds. */
    public int count() {
        return server == null
                ? 0
                : server.getManagers().getImapHostManager().getAllMessages().size();
    }

    /** Forgets every caught message. */
    public void clear() {
        if (server != null) {
            try {
                server.purgeEmailFromAllMailboxes();
            } catch (FolderException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Drops the oldest messages beyond {@code heed.smtp.catcher-max-messages}. */
    void trim() {
        try {
            List<StoredMessage> all =
                    new ArrayList<>(server.getManagers().getImapHostManager().getAllMessages());
            int excess = all.size() - config.catcherMaxMessages();
            if (excess <= 0) {
                return;
            }
            all.sort(Comparator.comparing(StoredMessage::getReceivedDate));
            Date cutoff = all.get(excess - 1).getReceivedDate();
            for (MailFolder folder :
                    server.getManagers().getImapHostManager().getStore().listMailboxes("*")) {
                boolean changed = false;
                for (StoredMessage message : folder.getMessages()) {
                    if (!message.getReceivedDate().after(cutoff)) {
                        message.setFlag(Flags.Flag.DELETED, true);
                        changed = true;
                    }
                }
                if (changed) {
                    folder.expunge();
                }
            }
        } catch (FolderException | RuntimeException e) {
            LOG.warnf("Could not trim the mail catcher: %s", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            trimmer.shutdownNow();
            server.stop();
            server = null;
        }
    }

    /** One caught message and when it arrived. */
    public record Caught(Date receivedAt, MimeMessage message) {}
}
