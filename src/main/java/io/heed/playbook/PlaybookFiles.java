package io.heed.playbook;

import java.util.Map;
import java.util.TreeMap;

/**
 * A playbook as a set of named files, the way it sits in its folder ({@code templates/playbooks/<key>/}):
 * {@value #DEFINITION} and its templates ({@code invitation.html}, {@code reminder.de.txt} …). The one reader of
 * that layout: the folder at start-up ({@link LoadPlaybookFolder}) and an upload (a ZIP of the folder, or the files
 * themselves, {@link AddPlaybookVersion#fromUpload}) both come through here, so they accept and refuse the same
 * things, with the same file and line.
 */
final class PlaybookFiles {

    static final String DEFINITION = "playbook.yaml";

    private PlaybookFiles() {}

    /**
     * Whether a file of this name is part of a playbook (its definition or a template); any other file beside
     * them (a README, an editor's backup) is ignored.
     */
    static boolean isPart(String fileName) {
        return fileName.equals(DEFINITION) || fileName.endsWith(".html") || fileName.endsWith(".txt");
    }

    /**
     * Reads the definition and picks the templates; the caller then checks them ({@link AddPlaybookVersion#check}).
     *
     * @param prefix how problems name the files: {@code sample/} for the folder {@code sample}, empty for files
     *     uploaded one by one
     * @param files file name to text; names that are not {@linkplain #isPart part} of a playbook are ignored
     * @param key the key the definition must have, or null when any valid key will do
     * @param keyIs what fixed that key, for the problem: {@code the folder name}
     * @throws PlaybookException with the file and line of what is wrong
     */
    static PlaybookSource read(String prefix, Map<String, String> files, String key, String keyIs) {
        String definitionFile = prefix + DEFINITION;
        String yaml = files.get(DEFINITION);
        if (yaml == null) {
            throw new PlaybookException(new PlaybookProblem(definitionFile, 0, "missing"));
        }
        PlaybookYaml.Parsed parsed = PlaybookYaml.parse(yaml, definitionFile);
        if (key != null && !key.equals(parsed.definition().key())) {
            throw new PlaybookException(new PlaybookProblem(
                    definitionFile,
                    parsed.lines().getOrDefault("/key", 0),
                    "key: '" + parsed.definition().key() + "' must equal " + keyIs + " '" + key + "'"));
        }
        TreeMap<String, String> templates = new TreeMap<>();
        files.forEach((name, text) -> {
            if (isPart(name) && !name.equals(DEFINITION)) {
                templates.put(name, text);
            }
        });
        return new PlaybookSource(parsed.definition(), templates, definitionFile, prefix, parsed.lines());
    }
}
