package io.heed.directory.csv;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The CSV import of the directory ({@code heed.directory.import.*}). */
@ConfigMapping(prefix = "heed.directory.import")
interface ImportConfig {

    /** Largest CSV file the import accepts; larger requests get 413. */
    @WithDefault("64M")
    MemorySize maxSize();
}
