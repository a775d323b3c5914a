package io.heed.console.directory;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** What the directory's templates need beyond {@code ConsoleFormat}. */
@TemplateExtension
final class DirectoryTemplateExtensions {

    private DirectoryTemplateExtensions() {}

    /** A value for a query string: {@code ?region={r.region.urlEncoded}}. */
    static String urlEncoded(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** What an upload did, once applied, or would do. */
    static io.heed.directory.ImportResult result(io.heed.directory.csv.DirectoryUploads.Upload upload) {
        return upload.applied() != null ? upload.applied() : upload.dryRun();
    }

    /** The pager's base address for an upload's rejected lines. */
    static String rejectedBase(io.heed.directory.csv.DirectoryUploads.Upload upload) {
        return "/console/directory/import/" + upload.id() + "?";
    }

    /** {@code 2.4 MB}. */
    static String bytes(long size) {
        if (size < 1024) {
            return size + " B";
        }
        if (size < 1024 * 1024) {
            return Math.round(size / 102.4) / 10.0 + " KB";
        }
        return Math.round(size / (1024 * 102.4)) / 10.0 + " MB";
    }
}
