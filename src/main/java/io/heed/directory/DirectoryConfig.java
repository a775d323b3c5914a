package io.heed.directory;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "heed.directory")
public interface DirectoryConfig {

    @WithName("import")
    Import importing();

    interface Import {
        /** Largest CSV file the import accepts; larger requests get 413. */
        @WithDefault("64M")
        MemorySize maxSize();
    }
}
