package io.heed.playbook;

import io.heed.audit.AuditLog;
import io.heed.platform.Hashing;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.heed.platform.error.FieldProblem;
import io.heed.platform.error.Refusal;
import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds a version to a playbook: from the API ({@link #fromApi}) or from the folder at start-up
 * ({@link LoadPlaybookFolder}), after the same checks, numbered under one lock across replicas. Versions are never
 * changed afterwards.
 */
@ApplicationScoped
public class AddPlaybookVersion {

    private static final NamedSql VERSION_LOCK =
            NamedSql.of("select pg_advisory_xact_lock(hashtext('heed.playbook_version'))");

    @Inject
    Engine engine;

    @Inject
    Database database;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    /**
     * Stores a new version of a playbook submitted over the API, after the same checks as the folder's.
     *
     * @throws Refusal invalid listing every problem
     */
    @Transactional
    public PlaybookVersion fromApi(PlaybookDefinition definition, Map<String, String> templates, String actor) {
        if (definition == null) {
            throw Refusal.invalid("A JSON body with the playbook is required.");
        }
        PlaybookSource source = apiSource(definition, templates);
        checkOrRefuse(source);
        PlaybookVersion version = store(source, PlaybookVersion.Origin.API, actor);
        auditLog.record(
                actor,
                "playbook.create-version",
                "playbook:" + version.key,
                Map.of("version", version.version, "hash", version.contentHash));
        return version;
    }

    /**
     * A draft's e-mail as a sample reader would get it, after the same checks as {@link #fromApi}; stores nothing.
     *
     * @throws Refusal invalid listing every problem
     */
    public RenderedMessage preview(
            PlaybookDefinition definition, Map<String, String> templates, MessageKind kind, java.util.Locale locale) {
        if (definition == null) {
            throw Refusal.invalid("A playbook is required.");
        }
        return checkOrRefuse(apiSource(definition, templates)).sample(kind, locale);
    }

    private static PlaybookSource apiSource(PlaybookDefinition definition, Map<String, String> templates) {
        return new PlaybookSource(
                definition,
                new TreeMap<>(templates == null ? Map.of() : templates),
                "playbook",
                "templates.",
                Map.of());
    }

    /** Checks as {@link #fromApi} does, refusing with every problem. */
    private CompiledPlaybook checkOrRefuse(PlaybookSource source) {
        try {
            List<PlaybookProblem> problems = PlaybookValidator.check(source);
            if (!problems.isEmpty()) {
                throw new PlaybookException(problems);
            }
            return CompiledPlaybook.compile(engine, source, 0, 0);
        } catch (PlaybookException e) {
            throw Refusal.invalid(
                    "The playbook has problems.",
                    e.problems().stream().map(AddPlaybookVersion::fieldProblem).toList());
        }
    }

    /**
     * The API's shape: the definition's problems under {@code playbook} with their field in the reason
     * ({@code title: required}), a template's under its file with its line.
     */
    private static FieldProblem fieldProblem(PlaybookProblem p) {
        if (p.file().startsWith("templates.") && p.line() > 0) {
            return new FieldProblem(p.file(), "line " + p.line() + ": " + p.message());
        }
        return new FieldProblem(p.file(), p.message());
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
        version.definition = PlaybookCatalogue.toJson(source.definition());
        version.templates = PlaybookCatalogue.toJson(source.templates());
        version.contentHash = contentHash(source);
        version.origin = origin;
        version.createdAt = clock.instant();
        version.createdBy = actor;
        version.persist();
        return version;
    }

    /** Serialises version numbering across replicas and requests. */
    void lock() {
        database.first(VERSION_LOCK, Params.NONE, locked -> true);
    }

    static String contentHash(PlaybookSource source) {
        return Hashing.sha256Hex(
                PlaybookCatalogue.toJson(source.definition()) + "\n" + PlaybookCatalogue.toJson(source.templates()));
    }
}
