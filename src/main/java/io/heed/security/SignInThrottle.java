package io.heed.security;

import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Repeated failed sign-ins, per account and per client address, kept in PostgreSQL so every replica applies the
 * same limits ({@code sign_in_throttle}): one throttle for every way of signing in with a password (the console's
 * form and HTTP Basic). The rules are {@link ThrottleRules}.
 */
@ApplicationScoped
class SignInThrottle {

    /** What a failure did: the account's failure count and whether this failure locked it. */
    record Failed(int accountFailures, boolean lockedNow) {}

    private static final NamedSql HELD = NamedSql.of("""
            select max(greatest(next_attempt_at, locked_until)) as until
              from sign_in_throttle
             where subject = any(:subjects)""");

    private static final NamedSql COUNT_ACCOUNT_FAILURE = NamedSql.of("""
            insert into sign_in_throttle (subject, failures, window_started_at) values (:subject, 1, :now)
            on conflict (subject) do update set failures = sign_in_throttle.failures + 1
            returning failures, window_started_at""");

    // An address counts failures within a window; a failure after the window ends opens a new one.
    private static final NamedSql COUNT_ADDRESS_FAILURE = NamedSql.of("""
            insert into sign_in_throttle (subject, failures, window_started_at) values (:subject, 1, :now)
            on conflict (subject) do update
               set failures = case when sign_in_throttle.window_started_at <= :windowOpenedBefore then 1
                                   else sign_in_throttle.failures + 1 end,
                   window_started_at = case when sign_in_throttle.window_started_at <= :windowOpenedBefore then :now
                                            else sign_in_throttle.window_started_at end,
                   locked_until = case when sign_in_throttle.window_started_at <= :windowOpenedBefore then null
                                       else sign_in_throttle.locked_until end
            returning failures, window_started_at""");

    private static final NamedSql HOLD = NamedSql.of("""
            update sign_in_throttle set next_attempt_at = :nextAttemptAt, locked_until = :lockedUntil
             where subject = :subject""");

    private static final NamedSql FORGET = NamedSql.of("delete from sign_in_throttle where subject = :subject");

    @Inject
    Database database;

    @Inject
    SignInConfig config;

    @Inject
    Clock clock;

    static String accountSubject(String email) {
        return "account:" + AdminAccount.key(email == null ? "" : email);
    }

    static String addressSubject(String addressHash) {
        return "address:" + addressHash;
    }

    /**
     * How long the account or the address must still wait before an attempt is checked; empty: go ahead. A null
     * {@code addressHash} (the address is not known) throttles the account alone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<Duration> wait(String email, String addressHash) {
        Instant now = clock.instant();
        Optional<Instant> until = database.first(
                HELD,
                Params.of(
                        "subjects",
                        addressHash == null
                                ? java.util.List.of(accountSubject(email))
                                : java.util.List.of(accountSubject(email), addressSubject(addressHash))),
                r -> r.instant("until"));
        return until.filter(now::isBefore).map(t -> Duration.between(now, t));
    }

    /** Counts a failed attempt against the account and the address. */
    @Transactional(Transactional.TxType.MANDATORY)
    Failed failed(String email, String addressHash) {
        Instant now = clock.instant();
        ThrottleRules rules = new ThrottleRules(config);
        String account = accountSubject(email);
        int accountFailures = database.first(
                        COUNT_ACCOUNT_FAILURE, Params.of("subject", account).and("now", now), r -> r.getInt("failures"))
                .orElseThrow();
        hold(account, rules.afterAccountFailure(accountFailures, now));
        if (addressHash == null) {
            return new Failed(accountFailures, rules.locks(accountFailures));
        }
        String address = addressSubject(addressHash);
        var counted = database.first(
                        COUNT_ADDRESS_FAILURE,
                        Params.of("subject", address)
                                .and("now", now)
                                .and("windowOpenedBefore", now.minus(config.addressWindow())),
                        r -> new Object[] {r.getInt("failures"), r.instant("window_started_at")})
                .orElseThrow();
        ThrottleRules.Hold addressHold = rules.afterAddressFailure((Integer) counted[0], (Instant) counted[1]);
        if (addressHold.lockedUntil() != null) {
            hold(address, addressHold);
        }
        return new Failed(accountFailures, rules.locks(accountFailures));
    }

    /** A success: the account starts again from no failure (the address keeps its window). */
    @Transactional(Transactional.TxType.MANDATORY)
    void succeeded(String email) {
        database.update(FORGET, Params.of("subject", accountSubject(email)));
    }

    private void hold(String subject, ThrottleRules.Hold hold) {
        database.update(
                HOLD,
                Params.of("subject", subject)
                        .and("nextAttemptAt", hold.nextAttemptAt())
                        .and("lockedUntil", hold.lockedUntil()));
    }
}
