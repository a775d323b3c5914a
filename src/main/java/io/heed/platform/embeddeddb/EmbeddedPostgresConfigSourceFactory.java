package io.heed.platform.embeddeddb;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Starts the embedded PostgreSQL and points the datasource at it, unless a datasource URL is configured
 * ({@code QUARKUS_DATASOURCE_JDBC_URL}), in which case Heed uses that server and starts nothing.
 *
 * <p>Config sources are built before any bean exists, so this is the one place early enough to supply the
 * URL. The factory is also called while the application is being built: it starts nothing then.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    /** Below environment variables (300) and system properties (400), above application.properties (250). */
    private static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ExecutionMode.current() != ExecutionMode.RUNTIME_INIT) {
            return List.of();
        }
        if (isSet(context, "quarkus.datasource.jdbc.url")
                || "false".equalsIgnoreCase(value(context, "heed.embedded-db.enabled", "true"))) {
            return List.of();
        }
        EmbeddedPostgresHolder.Endpoint server = EmbeddedPostgresHolder.startOnce(new EmbeddedPostgres.Settings(
                Path.of(value(context, "heed.embedded-db.dir", ".heed/postgres")),
                Integer.parseInt(value(context, "heed.embedded-db.port", "0")),
                Boolean.parseBoolean(value(context, "heed.embedded-db.reset", "false")),
                Boolean.parseBoolean(value(context, "heed.embedded-db.durable", "true")),
                RunAs.Mode.parse(value(context, "heed.embedded-db.run-as", "auto"))));
        return List.of(new PropertiesConfigSource(
                Map.of(
                        "quarkus.datasource.jdbc.url",
                        server.jdbcUrl(),
                        "quarkus.datasource.username",
                        server.username(),
                        "quarkus.datasource.password",
                        server.password()),
                "heed-embedded-postgres",
                ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static boolean isSet(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null ? fallback : value.getValue();
    }
}
