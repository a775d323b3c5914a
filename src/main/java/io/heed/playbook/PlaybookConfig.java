package io.heed.playbook;

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
}
