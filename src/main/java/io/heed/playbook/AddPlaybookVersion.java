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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds a version to a playbook: from the API ({@link #fromApi}), from uploaded files ({@link #fromUpload},
 * {@link #fromZip}) or from the folder at start-up ({@link LoadPlaybookFolder}), after the same checks, numbered under one lock across replicas. Versions are never
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

    @Inject
    PlaybookConfig config;

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

    /** A file as uploaded: the name the browser (or the client) gave it, and where its bytes are. */
    public record UploadedFile(String name, Path content) {}

    /**
     * Stores a version uploaded as files: one ZIP of the playbook's folder ({@code <key>/playbook.yaml} and its
     * templates, or the same files at the top of the archive), or the files themselves. Read by the folder's
     * reader ({@link PlaybookFiles}), checked as the folder is, audited as {@link #fromApi} is.
     *
     * @param key the playbook the version is for (its definition must have this key), or null for a new playbook
     *     (or a new version of the one its key names)
     * @throws Refusal invalid with one problem per file (field: the file; reason: the line and what is wrong),
     *     too large above {@code heed.playbooks.max-upload-size}
     */
    @Transactional
    public PlaybookVersion fromUpload(String key, List<UploadedFile> files, String actor) {
        long limit = maxUploadSize();
        List<UploadedFile> chosen = files == null
                ? List.of()
                : files.stream()
                        .filter(f -> f != null && f.name() != null && !f.name().isBlank())
                        .toList();
        if (chosen.isEmpty()) {
            throw Refusal.invalid(
                    "No file was uploaded.",
                    List.of(new FieldProblem(
                            "files", "choose the playbook's ZIP, or its playbook.yaml and templates")));
        }
        long total = 0;
        for (UploadedFile file : chosen) {
            total += size(file.content());
        }
        if (total > limit) {
            throw Refusal.tooLarge("The upload is larger than " + limit + " bytes (heed.playbooks.max-upload-size).");
        }
        boolean zip =
                chosen.stream().anyMatch(f -> f.name().toLowerCase(Locale.ROOT).endsWith(".zip"));
        if (zip && chosen.size() > 1) {
            throw Refusal.invalid(
                    "Upload one ZIP, or the files themselves, not both.",
                    List.of(new FieldProblem("files", "one ZIP, or playbook.yaml and the templates")));
        }
        if (zip) {
            try (InputStream in = Files.newInputStream(chosen.get(0).content())) {
                return fromZip(key, in, actor);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, String> texts = new TreeMap<>();
        for (UploadedFile file : chosen) {
            String name = file.name();
            if (name.contains("/")
                    || name.contains("\\")
                    || name.equals("..")
                    || name.chars().anyMatch(c -> c < 0x20)) {
                throw Refusal.invalid(
                        "The upload was refused.", List.of(new FieldProblem(name, "not a plain file name")));
            }
            if (texts.containsKey(name)) {
                throw Refusal.invalid("The upload was refused.", List.of(new FieldProblem(name, "uploaded twice")));
            }
            if (PlaybookFiles.isPart(name)) {
                texts.put(name, PlaybookArchive.text(name, read(file.content())));
            }
        }
        return fromFiles(key, "", texts, actor);
    }

    /**
     * Stores a version uploaded as one ZIP of the playbook's folder (the API's {@code application/zip}), as
     * {@link #fromUpload} does.
     */
    @Transactional
    public PlaybookVersion fromZip(String key, InputStream zip, String actor) {
        PlaybookArchive.Folder folder = PlaybookArchive.read(zip, maxUploadSize());
        return fromFiles(key, folder.prefix(), folder.files(), actor);
    }

    /** The largest upload accepted, in bytes, as sent and as expanded. */
    public long maxUploadSize() {
        return config.maxUploadSize().asLongValue();
    }

    private PlaybookVersion fromFiles(String key, String prefix, Map<String, String> files, String actor) {
        PlaybookSource source;
        try {
            source = PlaybookFiles.read(prefix, files, key, "the playbook it is uploaded to");
            check(source);
        } catch (PlaybookException e) {
            throw Refusal.invalid(
                    "The upload has problems.",
                    e.problems().stream()
                            .map(p -> new FieldProblem(
                                    p.file(), (p.line() > 0 ? "line " + p.line() + ": " : "") + p.message()))
                            .toList());
        }
        PlaybookVersion version = store(source, PlaybookVersion.Origin.API, actor);
        auditLog.record(
                actor,
                "playbook.create-version",
                "playbook:" + version.key,
                Map.of("version", version.version, "hash", version.contentHash, "via", "upload"));
        return version;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
