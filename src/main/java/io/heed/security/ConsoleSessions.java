package io.heed.security;

import io.heed.platform.Hashing;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;

/**
 * The console's sessions, kept in PostgreSQL ({@code console_session}): the browser holds a random 256-bit secret
 * in a cookie, the table only its SHA-256, so any replica resumes a session, signing out ends it everywhere, and a
 * copy of the database alone resumes nothing. A session ends when it is idle for
 * {@code heed.sign-in.session.idle-timeout}, at {@code max-age} after signing in however busy, when its account is
 * deactivated, and when the person signs out. Each session has a CSRF token of its own ({@link Session#csrfToken}),
 * derived from it, so nothing else needs storing.
 */
@ApplicationScoped
public class ConsoleSessions {

    /** A resumed session and who it belongs to. */
    public record Session(
            long id,
            String email,
            String name,
            Role role,
            List<String> regions,
            Instant signedInAt,
            String csrfToken) {}

    private static final int SECRET_BYTES = 32;
    private static final Duration SEEN_RESOLUTION = Duration.ofMinutes(1);
    static final String CSRF_PURPOSE = "console-csrf";

    private static final NamedSql START = NamedSql.of("""
            insert into console_session (token_hash, account_id, signed_in_at, last_seen_at, expires_at,
                                         client_address_hash, user_agent)
            values (:hash, :account, :now, :now, :expires, :address, :userAgent)""");

    private static final NamedSql RESUME = NamedSql.of("""
            select s.id, s.signed_in_at, s.last_seen_at, a.email, a.name, a.role, a.regions
              from console_session s join admin_account a on a.id = s.account_id
             where s.token_hash = :hash and a.active and s.expires_at > :now and s.last_seen_at > :idleSince""");

    private static final NamedSql SEEN = NamedSql.of("update console_session set last_seen_at = :now where id = :id");

    private static final NamedSql END = NamedSql.of("delete from console_session where token_hash = :hash");

    private static final NamedSql END_ALL_OF = NamedSql.of("""
            delete from console_session
             where account_id = (select id from admin_account where email_key = :emailKey) and id <> :keep""");

    private static final NamedSql FORGET_ENDED = NamedSql.of("""
            delete from console_session where account_id = :account and (expires_at <= :now or last_seen_at <= :idleSince)""");

    @Inject
    Database database;

    @Inject
    SignInConfig config;

    @Inject
    LinkTokens linkTokens;

    @Inject
    Clock clock;

    /** Opens a session for the account; returns the secret for the cookie (shown to nobody else, never stored). */
    @Transactional(Transactional.TxType.MANDATORY)
    String start(long accountId, String addressHash, String userAgent) {
        Instant now = clock.instant();
        database.update(
                FORGET_ENDED,
                Params.of("account", accountId)
                        .and("now", now)
                        .and("idleSince", now.minus(config.session().idleTimeout())));
        String secret = Hashing.randomUrlSafe(SECRET_BYTES);
        database.update(
                START,
                Params.of("hash", Hashing.sha256Hex(secret))
                        .and("account", accountId)
                        .and("now", now)
                        .and("expires", now.plus(config.session().maxAge()))
                        .and("address", addressHash)
                        .and(
                                "userAgent",
                                userAgent == null || userAgent.length() <= 512
                                        ? userAgent
                                        : userAgent.substring(0, 512)));
        return secret;
    }

    /** The session of a cookie's secret, if it is still open; marks it used (at most once a minute). */
    @Transactional
    public Optional<Session> resume(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Object[]> row = database.first(
                RESUME,
                Params.of("hash", Hashing.sha256Hex(secret))
                        .and("now", now)
                        .and("idleSince", now.minus(config.session().idleTimeout())),
                r -> new Object[] {
                    r.getLong("id"),
                    r.instant("signed_in_at"),
                    r.instant("last_seen_at"),
                    r.string("email"),
                    r.string("name"),
                    Role.valueOf(r.string("role")),
                    r.strings("regions")
                });
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = row.get();
        long id = (Long) r[0];
        if (((Instant) r[2]).isBefore(now.minus(SEEN_RESOLUTION))) {
            database.update(SEEN, Params.of("id", id).and("now", now));
        }
        @SuppressWarnings("unchecked")
        List<String> regions = (List<String>) r[6];
        return Optional.of(
                new Session(id, (String) r[3], (String) r[4], (Role) r[5], regions, (Instant) r[1], csrfToken(secret)));
    }

    /** Signs the session of this secret out (nothing happens for an unknown one). */
    @Transactional
    public void end(String secret) {
        if (secret != null) {
            database.update(END, Params.of("hash", Hashing.sha256Hex(secret)));
        }
    }

    /** Ends every session of the account but {@code keepSessionId} (after a password change). */
    @Transactional(Transactional.TxType.MANDATORY)
    void endOthers(String email, long keepSessionId) {
        database.update(
                END_ALL_OF, Params.of("emailKey", AdminAccount.key(email)).and("keep", keepSessionId));
    }

    /** The session's CSRF token: a keyed hash of its secret, so it is the session's alone and dies with it. */
    private String csrfToken(String secret) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(linkTokens.derivedKey(CSRF_PURPOSE));
            byte[] mac = hmac.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(mac, 24));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
