package io.heed.playbook;

import io.heed.platform.error.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * The playbook catalogue as the API and the console show it: one line per playbook (its newest version), and a
 * version in full. Playbooks are not region-scoped: every role reads every playbook.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PlaybookQueries {

    /** One line of the catalogue: the newest version of a playbook. */
    public record PlaybookSummary(
            String key,
            int version,
            String title,
            int steps,
            List<String> languages,
            PlaybookVersion.Origin origin,
            Instant updatedAt) {}

    /** A version in full: its definition and its template files. */
    public record PlaybookDetail(
            String key,
            int version,
            List<Integer> versions,
            PlaybookVersion.Origin origin,
            Instant createdAt,
            String createdBy,
            String contentHash,
            PlaybookDefinition definition,
            Map<String, String> templates) {

        /** English first, then every translated language and every language a template is written for. */
        public List<String> languages() {
            return PlaybookQueries.languages(definition, templates);
        }
    }

    /** A version's folder as a ZIP, to download, edit and upload again: {@code <key>-v<version>.zip}. */
    public record Archive(String fileName, byte[] content) {}

    @Inject
    PlaybookCatalogue playbooks;

    public List<PlaybookSummary> catalogue() {
        return playbooks.catalogue().stream()
                .map(v -> {
                    PlaybookDefinition d = playbooks.definition(v.id);
                    PlaybookSource source = PlaybookCatalogue.sourceOf(v);
                    return new PlaybookSummary(
                            v.key,
                            v.version,
                            d.title(),
                            d.steps().size(),
                            languages(d, source.templates()),
                            v.origin,
                            v.createdAt);
                })
                .toList();
    }

    /**
     * A version of a playbook, the newest when {@code version} is null.
     *
     * @throws Refusal not found
     */
    public PlaybookDetail detail(String key, Integer version) {
        List<PlaybookVersion> history = playbooks.history(key);
        PlaybookVersion chosen = history.stream()
                .filter(v -> version == null || v.version == version)
                .findFirst()
                .orElseThrow(() -> Refusal.notFound(
                        "No playbook '" + key + "'" + (version == null ? "" : " version " + version) + "."));
        PlaybookSource source = PlaybookCatalogue.sourceOf(chosen);
        return new PlaybookDetail(
                chosen.key,
                chosen.version,
                history.stream().map(v -> v.version).toList(),
                chosen.origin,
                chosen.createdAt,
                chosen.createdBy,
                chosen.contentHash,
                source.definition(),
                source.templates());
    }

    /**
     * A version as the files of its folder in one ZIP ({@code <key>/playbook.yaml} and the templates), the layout
     * of {@code templates/playbooks/} and of an upload: downloading, editing and uploading it gives a new version.
     *
     * @throws Refusal not found
     */
    public Archive archive(String key, Integer version) {
        PlaybookDetail detail = detail(key, version);
        return new Archive(
                detail.key() + "-v" + detail.version() + ".zip",
                PlaybookArchive.write(detail.key(), detail.definition(), detail.templates()));
    }

    /** The stored id of a version, for {@link PlaybookCatalogue#render} and {@link PlaybookCatalogue#sample}. */
    public long versionId(String key, int version) {
        return playbooks.history(key).stream()
                .filter(v -> v.version == version)
                .findFirst()
                .map(v -> v.id)
                .orElseThrow(() -> Refusal.notFound("No playbook '" + key + "' version " + version + "."));
    }

    /** The English e-mail templates a new playbook starts from (the shipped playbook's, which name no advisory). */
    public Map<String, String> starterTemplates() {
        Map<String, String> templates = new java.util.TreeMap<>();
        for (MessageKind kind : MessageKind.values()) {
            for (String extension : List.of("html", "txt")) {
                String file = kind.fileName() + "." + extension;
                try (var in = PlaybookQueries.class.getResourceAsStream("starter/" + file)) {
                    templates.put(file, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                } catch (java.io.IOException | NullPointerException e) {
                    throw new IllegalStateException("Starter template " + file + " is missing", e);
                }
            }
        }
        return templates;
    }

    static List<String> languages(PlaybookDefinition definition, Map<String, String> templates) {
        TreeSet<String> others = new TreeSet<>();
        if (definition.translations() != null) {
            others.addAll(definition.translations().keySet());
        }
        for (String file : templates.keySet()) {
            Matcher m = CompiledPlaybook.TEMPLATE_FILE.matcher(file);
            if (m.matches() && m.group(2) != null) {
                others.add(m.group(2));
            }
        }
        others.remove("en");
        List<String> all = new java.util.ArrayList<>(List.of("en"));
        all.addAll(others);
        return List.copyOf(all);
    }
}
