package io.heed.playbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.heed.platform.Json;
import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The playbook catalogue: versions by key, their text per language, and their e-mails rendered for a
 * reader. Versions are immutable, so their compiled form is cached for the life of the process. New versions are
 * added by {@link AddPlaybookVersion}.
 */
@ApplicationScoped
public class PlaybookCatalogue {

    private final Map<Long, CompiledPlaybook> compiled = new ConcurrentHashMap<>();

    @Inject
    Engine engine;

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
    List<PlaybookVersion> history(String key) {
        return PlaybookVersion.history(key);
    }

    /** The version's text in the reader's language (falling back to broader tags, then English). */
    public LocalizedPlaybook localized(long versionId, Locale locale) {
        return compiled(versionId).localized(locale);
    }

    /** Renders one e-mail of a version for a reader. HTML parts escape every value. */
    public RenderedMessage render(MailRequest request) {
        return compiled(request.versionId()).render(request);
    }

    /** One e-mail of a stored version as a sample reader (Alex Example) would get it: the console's preview. */
    public RenderedMessage sample(long versionId, MessageKind kind, Locale locale) {
        return compiled(versionId).sample(kind, locale);
    }

    PlaybookDefinition definition(long versionId) {
        return compiled(versionId).definition();
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
