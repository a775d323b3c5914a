package io.heed.playbook;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

@ConfigMapping(prefix = "heed.playbooks")
interface PlaybookConfig {

    /**
     * Folder of operator-editable playbooks, one sub-folder per playbook ({@code <key>/playbook.yaml} and its
     * templates). Read and validated at start-up: a broken playbook stops start-up, naming file and line.
     */
    @WithDefault("templates/playbooks")
    Path dir();

    /**
     * Largest upload of a playbook version (the console's upload, {@code POST /api/v1/playbooks/{key}/versions}):
     * both the files as sent and what a ZIP expands to. 413 above.
     */
    @WithDefault("2M")
    MemorySize maxUploadSize();
}
