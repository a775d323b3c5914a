package io.heed.security;

import io.heed.platform.Hashing;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one place personal links are made and checked. A token is {@code <keyId>.<base64url(recipient id,
 * MAC)>}: the MAC is HMAC-SHA256 under the key {@code keyId} over the recipient id and that recipient's random
 * nonce ({@link #NONCE_BYTES}), truncated to 128 bits. Forging one needs both the key (configuration) and the nonce
 * (database); nothing that reveals a link is stored. Keys rotate: new links use the first key, old keys keep
 * verifying while they stay configured.
 */
@ApplicationScoped
public class LinkTokens {

    /**
     * Random bytes per recipient that the MAC covers; regenerate them to revoke one person's link. Launches
     * write them in SQL (this size is passed to the statement) from {@code gen_random_uuid()}, 122 random bits
     * per 16 bytes: 32 bytes carry 244.
     */
    public static final int NONCE_BYTES = 32;

    private static final int MAC_BYTES = 16;
    private static final int MIN_SECRET_BYTES = 32;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    // The database-kept key (when none is configured): the first replica to start makes it, under this lock.
    private static final NamedSql KEY_LOCK = NamedSql.of("select pg_advisory_xact_lock(hashtext('heed.link_key'))");
    private static final NamedSql STORED_KEYS =
            NamedSql.of("select key_id, secret from link_key order by created_at desc");
    private static final String STORED_KEY_ID = "db1";
    private static final NamedSql STORE_KEY =
            NamedSql.of("insert into link_key (key_id, secret, created_at) values (:id, :secret, :at)");

    @Inject
    LinkConfig config;

    @Inject
    Database database;

    @Inject
    Clock clock;

    private volatile Map<String, byte[]> keys;
    private volatile String signingKeyId;
    private final Map<String, SecretKeySpec> derivedKeys = new ConcurrentHashMap<>();

    void onStart(@Observes StartupEvent event) {
        load();
    }

    public static byte[] newNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    /** The recipient's personal link, as e-mails carry it. */
    public String link(long recipientId, byte[] nonce) {
        return pageUrl(token(recipientId, nonce));
    }

    /**
     * The address of the personal page of {@code token} (or of a placeholder such as {@code PREVIEW}): the one
     * place it is built, always from {@code heed.links.base-url}, never from a request's Host header.
     */
    public String pageUrl(String token) {
        return baseUrl() + "/ack/" + token;
    }

    /** The address employees reach Heed at ({@code heed.links.base-url}), without a trailing slash. */
    public String baseUrl() {
        return config.baseUrl().replaceAll("/+$", "");
    }

    public String token(long recipientId, byte[] nonce) {
        byte[] mac = mac(keys().get(signingKeyId), recipientId, nonce);
        ByteBuffer body =
                ByteBuffer.allocate(Long.BYTES + MAC_BYTES).putLong(recipientId).put(mac);
        return signingKeyId + "." + ENCODER.encodeToString(body.array());
    }

    /**
     * The recipient id a token claims, if it is well-formed and names a known key; the MAC still has to be
     * checked against that recipient's nonce with {@link #matches}.
     */
    public Optional<Long> claimedRecipient(String token) {
        return parse(token).map(Parsed::recipientId);
    }

    /** Checks a token against the nonce stored for the recipient it claims, in constant time. */
    public boolean matches(String token, byte[] nonce) {
        Optional<Parsed> parsed = parse(token);
        if (parsed.isEmpty() || nonce == null) {
            return false;
        }
        byte[] expected = mac(keys().get(parsed.get().keyId()), parsed.get().recipientId(), nonce);
        return MessageDigest.isEqual(expected, parsed.get().mac());
    }

    /**
     * An HMAC-SHA256 key for one purpose of another feature (the acknowledgement page's form tokens, the keyed
     * hash of client addresses), derived from the current signing key: HMAC-SHA256(key, "heed-derived-v1:" +
     * purpose). Replicas derive the same key; it changes when the signing key rotates. Derived once per purpose.
     */
    public SecretKeySpec derivedKey(String purpose) {
        return derivedKeys.computeIfAbsent(purpose, p -> {
            try {
                Mac hmac = Mac.getInstance("HmacSHA256");
                hmac.init(new SecretKeySpec(keys().get(signingKeyId), "HmacSHA256"));
                byte[] secret = hmac.doFinal(("heed-derived-v1:" + p).getBytes(StandardCharsets.UTF_8));
                return new SecretKeySpec(secret, "HmacSHA256");
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        });
    }

    /** A short, non-reversible name for a token, for logs: never the token itself. */
    public static String fingerprint(String token) {
        return Hashing.sha256Hex(token).substring(0, 12);
    }

    private record Parsed(String keyId, long recipientId, byte[] mac) {}

    private Optional<Parsed> parse(String token) {
        if (token == null || token.length() > 80) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1 || !keys().containsKey(token.substring(0, dot))) {
            return Optional.empty();
        }
        byte[] body;
        try {
            body = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (body.length != Long.BYTES + MAC_BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(body);
        long recipientId = buffer.getLong();
        byte[] mac = new byte[MAC_BYTES];
        buffer.get(mac);
        return Optional.of(new Parsed(token.substring(0, dot), recipientId, mac));
    }

    private static byte[] mac(byte[] secret, long recipientId, byte[] nonce) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
            hmac.update("heed-link-v1".getBytes(StandardCharsets.US_ASCII));
            hmac.update(ByteBuffer.allocate(Long.BYTES).putLong(recipientId).array());
            hmac.update(nonce);
            byte[] full = hmac.doFinal();
            byte[] truncated = new byte[MAC_BYTES];
            System.arraycopy(full, 0, truncated, 0, MAC_BYTES);
            return truncated;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private Map<String, byte[]> keys() {
        if (keys == null) {
            load();
        }
        return keys;
    }

    @Transactional
    synchronized void load() {
        if (keys != null) {
            return;
        }
        Map<String, byte[]> loaded = new LinkedHashMap<>();
        if (config.keys().isPresent() && !config.keys().get().isBlank()) {
            for (String pair : config.keys().get().split(",")) {
                String[] parts = pair.trim().split(":", 2);
                if (parts.length != 2 || !KEY_ID.matcher(parts[0]).matches()) {
                    throw new IllegalStateException(
                            "heed.links.keys: expected id:base64secret pairs, id of letters, digits, - or _");
                }
                byte[] secret = Base64.getDecoder().decode(parts[1].trim());
                if (secret.length < MIN_SECRET_BYTES) {
                    throw new IllegalStateException(
                            "heed.links.keys: key '" + parts[0] + "' is shorter than " + MIN_SECRET_BYTES + " bytes");
                }
                loaded.put(parts[0], secret);
            }
        } else {
            loaded.putAll(storedKeys());
        }
        signingKeyId = loaded.keySet().iterator().next();
        keys = Map.copyOf(loaded);
    }

    private record StoredKey(String id, byte[] secret) {}

    /** The database-kept key, made by whichever replica starts first. */
    private Map<String, byte[]> storedKeys() {
        List<StoredKey> keys = database.run("read the stored link keys", sql -> {
            sql.first(KEY_LOCK, Params.NONE, locked -> true);
            return sql.list(STORED_KEYS, Params.NONE, row -> new StoredKey(row.string("key_id"), row.bytes("secret")));
        });
        Map<String, byte[]> stored = new LinkedHashMap<>();
        keys.forEach(key -> stored.put(key.id(), key.secret()));
        if (stored.isEmpty()) {
            byte[] secret = new byte[MIN_SECRET_BYTES];
            RANDOM.nextBytes(secret);
            database.update(
                    STORE_KEY,
                    Params.of("id", STORED_KEY_ID).and("secret", secret).and("at", clock.instant()));
            stored.put(STORED_KEY_ID, secret);
        }
        return stored;
    }
}
