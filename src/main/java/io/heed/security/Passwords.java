package io.heed.security;

import io.quarkus.elytron.security.common.BcryptUtil;

/** Password hashing for people's accounts: bcrypt, slow on purpose. Machine clients use {@link ApiToken}s. */
final class Passwords {

    static final int MIN_LENGTH = 12;
    // ~150 ms per check on a 2-core machine: slow for guessing, tolerable for a person signing in.
    private static final int COST = 11;

    /** Compared against when the account does not exist, so a wrong e-mail costs as long as a wrong password. */
    private static final String DECOY_HASH = BcryptUtil.bcryptHash("decoy-password-never-matches", COST);

    private Passwords() {}

    static String hash(String password) {
        return BcryptUtil.bcryptHash(password, COST);
    }

    static boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash);
    }

    /** Spends the time a real check would, for an unknown account. */
    static boolean burnDecoyCheck(String password) {
        BcryptUtil.matches(password, DECOY_HASH);
        return false;
    }

    static void requireStrong(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw io.heed.platform.error.Refusal.invalid("password: must be at least " + MIN_LENGTH + " characters.");
        }
    }
}
