package io.heed.playbook;

import io.heed.audit.AuditLog;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Reads {@code heed.playbooks.dir} at start-up. Every playbook is validated (definition and templates); any
 * problem stops start-up with the file and line. A playbook whose files changed since they were last read
 * becomes a new version; unchanged ones add nothing, so restarts and replicas agree.
 */
@ApplicationScoped
class LoadPlaybookFolder {

    private static final Logger LOG = Logger.getLogger(LoadPlaybookFolder.class);

    @Inject
    PlaybookConfig config;

    @Inject
    AddPlaybookVersion addVersion;

    @Inject
    AuditLog auditLog;

    void onStart(@Observes @Priority(10) StartupEvent event) {
        List<PlaybookSource> sources = read(config.dir());
        int added = sync(sources);
        LOG.infof(
                "Playbooks: %d in %s, %d new version(s)",
                sources.size(), config.dir().toAbsolutePath().normalize(), added);
    }

    /** Reads and checks every playbook folder, collecting the problems of all of them before failing. */
    List<PlaybookSource> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            LOG.warnf(
                    "Playbook folder %s does not exist: no playbooks from files",
                    dir.toAbsolutePath().normalize());
            return List.of();
        }
        List<PlaybookSource> sources = new ArrayList<>();
        List<PlaybookProblem> problems = new ArrayList<>();
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                try {
                    PlaybookSource source = readFolder(folder);
                    addVersion.check(source);
                    sources.add(source);
                } catch (PlaybookException e) {
                    problems.addAll(e.problems());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the playbook folder " + dir, e);
        }
        if (!problems.isEmpty()) {
            throw new PlaybookException(problems);
        }
        return sources;
    }

    @Transactional
    int sync(List<PlaybookSource> sources) {
        addVersion.lock();
        int added = 0;
        for (PlaybookSource source : sources) {
            String hash = AddPlaybookVersion.contentHash(source);
            boolean unchanged = PlaybookVersion.latestFromFolder(
                            source.definition().key())
                    .map(v -> v.contentHash.equals(hash))
                    .orElse(false);
            if (!unchanged) {
                PlaybookVersion version = addVersion.store(source, PlaybookVersion.Origin.FILE, "heed");
                auditLog.record(
                        "heed",
                        "playbook.load-version",
                        "playbook:" + version.key,
                        Map.of("version", version.version, "hash", version.contentHash));
                added++;
            }
        }
        return added;
    }

    /** The folder's files, read as {@link PlaybookFiles} reads an upload's. */
    private static PlaybookSource readFolder(Path folder) {
        String name = folder.getFileName().toString();
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> listed = Files.list(folder)) {
            for (Path file : listed.filter(Files::isRegularFile).toList()) {
                String fileName = file.getFileName().toString();
                if (PlaybookFiles.isPart(fileName)) {
                    files.put(fileName, readText(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + folder, e);
        }
        return PlaybookFiles.read(name + "/", files, name, "the folder name");
    }

    private static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
