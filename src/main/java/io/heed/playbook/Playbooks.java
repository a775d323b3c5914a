package io.heed.playbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.heed.audit.AuditLog;
import io.heed.platform.Hashing;
import io.heed.platform.Json;
import io.heed.platform.api.ApiException;
import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The playbook catalogue: versions by key, their text per language, and their e-mails rendered for a
 * reader. Versions are immutable, so their compiled form is cached for the life of the process.
 */
@ApplicationScoped
public class Playbooks {

    private final Map<Long, CompiledPlaybook> compiled = new ConcurrentHashMap<>();

    @Inject
    Engine engine;

    @Inject
    EntityManager entityManager;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PlaybookVersion> latest(String key) {
        return PlaybookVersion.latest(key);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlaybookVersion version(long versionId) {
        return PlaybookVersion.<PlaybookVersion>findByIdOptional(versionId)
                .orElseThrow(() -> new IllegalStateException("Playbook version " + versionId + " does not exist"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlaybookVersion> catalogue() {
        return PlaybookVersion.latestOfEach();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlaybookVersion> history(String key) {
        return PlaybookVersion.history(key);
    }

    /** The version's text in the reader's language (falling back to broader tags, then English). */
    public LocalizedPlaybook localized(long versionId, Locale locale) {
        return compiled(versionId).localized(locale);
    }

    /** Renders one e-mail of the version for a reader. HTML parts escape every value. */
    public RenderedMessage render(
            long versionId,
            MessageKind kind,
            Locale locale,
            MailView.Person recipient,
            String link,
            String deadline,
            String campaign,
            int reminder) {
        return compiled(versionId).render(kind, locale, recipient, link, deadline, campaign, reminder);
    }

    public PlaybookDefinition definition(long versionId) {
        return compiled(versionId).definition();
    }

    /**
     * Stores a new version of a playbook submitted over the API, after the same checks as the folder's.
     *
     * @throws ApiException 400 listing every problem
     */
    @Transactional
    public PlaybookVersion create(PlaybookDefinition definition, Map<String, String> templates, String actor) {
        if (definition == null) {
            throw ApiException.badRequest("A JSON body with the playbook is required.");
        }
        PlaybookSource source = new PlaybookSource(
                definition,
                new TreeMap<>(templates == null ? Map.of() : templates),
                "playbook",
                "templates.",
                Map.of());
        try {
            check(source);
        } catch (PlaybookException e) {
            throw new ApiException(
                    400,
                    "The playbook has problems.",
                    e.problems().stream()
                            .map(p -> new io.heed.platform.api.ApiError.FieldProblem(p.file(), p.message()))
                            .toList());
        }
        PlaybookVersion version = store(source, PlaybookVersion.Origin.API, actor);
        auditLog.record(
                actor,
                "playbook.create-version",
                "playbook:" + version.key,
                Map.of("version", version.version, "hash", version.contentHash));
        return version;
    }

    /** Validates definition and templates together, compiling the templates as they will be used. */
    void check(PlaybookSource source) {
        List<PlaybookProblem> problems = PlaybookValidator.check(source);
        if (!problems.isEmpty()) {
            throw new PlaybookException(problems);
        }
        CompiledPlaybook.compile(engine, source, 0, 0);
    }

    /** Adds the source as the next version of its key, numbered under the playbook lock. */
    PlaybookVersion store(PlaybookSource source, PlaybookVersion.Origin origin, String actor) {
        lock();
        PlaybookVersion version = new PlaybookVersion();
        version.key = source.definition().key();
        version.version =
                PlaybookVersion.latest(version.key).map(v -> v.version + 1).orElse(1);
        version.definition = toJson(source.definition());
        version.templates = toJson(source.templates());
        version.contentHash = contentHash(source);
        version.origin = origin;
        version.createdAt = clock.instant();
        version.createdBy = actor;
        version.persist();
        return version;
    }

    /** Serialises version numbering across replicas and requests. */
    void lock() {
        entityManager
                .createNativeQuery("select pg_advisory_xact_lock(hashtext('heed.playbook_version'))")
                .getSingleResult();
    }

    static String contentHash(PlaybookSource source) {
        return Hashing.sha256Hex(toJson(source.definition()) + "\n" + toJson(source.templates()));
    }

    private CompiledPlaybook compiled(long versionId) {
        return compiled.computeIfAbsent(versionId, id -> {
            PlaybookVersion v = version(id);
            return CompiledPlaybook.compile(engine, sourceOf(v), v.id, v.version);
        });
    }

    static PlaybookSource sourceOf(PlaybookVersion v) {
        try {
            PlaybookDefinition definition = Json.MAPPER.readValue(v.definition, PlaybookDefinition.class);
            SortedMap<String, String> templates =
                    Json.MAPPER.readValue(v.templates, new TypeReference<TreeMap<String, String>>() {});
            return new PlaybookSource(
                    definition, templates, v.key + " v" + v.version, v.key + " v" + v.version + "/", Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored playbook version " + v.id + " is unreadable", e);
        }
    }

    static String toJson(Object value) {
        return Json.write(value);
    }
}
