package io.heed.playbook;

import io.heed.platform.error.FieldProblem;
import io.heed.platform.error.Refusal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A playbook's folder as one ZIP file: {@code <key>/playbook.yaml} and {@code <key>/<template>}, as in
 * {@code templates/playbooks/}. Written for a version's download; read, for an upload, within bounds: at most
 * {@value #MAX_ENTRIES} entries, at most the upload limit once expanded (counted as it expands, whatever the
 * entries claim), no entry outside the folder ({@code ..}, an absolute path, a drive letter), the files at the top
 * of the archive or in one folder.
 */
final class PlaybookArchive {

    static final int MAX_ENTRIES = 100;

    /**
     * The archive's files by name, and how problems name them ({@code vpn-update/} when the files sit in that
     * folder, empty when at the top).
     */
    record Folder(String prefix, Map<String, String> files) {}

    private PlaybookArchive() {}

    /** The version's files as a ZIP of its folder. */
    static byte[] write(String key, PlaybookDefinition definition, Map<String, String> templates) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            entry(zip, key + "/" + PlaybookFiles.DEFINITION, PlaybookYaml.write(definition));
            for (var template : new TreeMap<>(templates).entrySet()) {
                entry(zip, key + "/" + template.getKey(), template.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /**
     * Reads a ZIP, refusing what is not a playbook's folder before anything is stored.
     *
     * @param limit the most bytes read from {@code in} and the most its entries may expand to together
     * @throws Refusal too large (more entries or bytes than allowed), or invalid (not a ZIP, an entry outside
     *     the folder, files in sub-folders or in several folders, a file that is not UTF-8 text)
     */
    static Folder read(InputStream in, long limit) {
        Map<String, String> files = new TreeMap<>();
        String folder = null;
        int entries = 0;
        long expanded = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new Bounded(in, limit), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw Refusal.tooLarge("The ZIP holds more than " + MAX_ENTRIES
                            + " entries: a playbook is a playbook.yaml and a few templates.");
                }
                String name = entry.getName();
                checkName(name);
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    expanded += n;
                    if (expanded > limit) {
                        throw expandsTooFar(limit);
                    }
                    content.write(buffer, 0, n);
                }
                if (entry.isDirectory() || ignored(name)) {
                    continue;
                }
                String[] parts = name.split("/");
                if (parts.length > 2) {
                    throw invalid(name, "a sub-folder: a playbook's files sit side by side in one folder");
                }
                String inFolder = parts.length == 2 ? parts[0] : "";
                if (folder == null) {
                    folder = inFolder;
                } else if (!folder.equals(inFolder)) {
                    throw invalid(name, "the files must all be at the top of the ZIP or all in one folder");
                }
                String fileName = parts[parts.length - 1];
                if (PlaybookFiles.isPart(fileName)) {
                    files.put(fileName, text(name, content.toByteArray()));
                }
            }
        } catch (ZipException e) {
            throw Refusal.invalid("The file is not a readable ZIP archive (" + e.getMessage() + ").");
        } catch (Bounded.TooLarge e) {
            throw Refusal.tooLarge("The upload is larger than " + limit + " bytes (heed.playbooks.max-upload-size).");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (entries == 0) {
            throw Refusal.invalid("The file is not a ZIP archive, or the archive is empty.");
        }
        return new Folder(folder == null || folder.isEmpty() ? "" : folder + "/", files);
    }

    /**
     * Refuses a name that could land outside the folder if the archive were unpacked: {@code ..}, an absolute
     * path, a drive letter, a backslash, a control character.
     */
    private static void checkName(String name) {
        boolean outside = name.isEmpty()
                || name.startsWith("/")
                || name.contains("\\")
                || name.matches("^[A-Za-z]:.*")
                || name.chars().anyMatch(c -> c < 0x20);
        for (String part : name.split("/")) {
            if (part.equals("..") || part.equals(".")) {
                outside = true;
            }
        }
        if (outside) {
            throw invalid(
                    name, "refused: a path outside the playbook's folder ('..', an absolute path or a drive letter)");
        }
    }

    /** What archivers add beside the files (macOS resource forks, hidden files): skipped, as the folder skips them. */
    private static boolean ignored(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        return name.startsWith("__MACOSX/") || last.startsWith(".");
    }

    /** Strict UTF-8: a file that is not text is named rather than read with replacement characters. */
    static String text(String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid(name, "not UTF-8 text");
        }
    }

    static Refusal expandsTooFar(long limit) {
        return Refusal.tooLarge("The upload expands to more than " + limit
                + " bytes (heed.playbooks.max-upload-size): a ZIP that expands this far is not a playbook.");
    }

    private static Refusal invalid(String file, String problem) {
        return Refusal.invalid("The upload was refused.", List.of(new FieldProblem(file, problem)));
    }

    /** Stops reading the archive itself once it passes the limit. */
    private static final class Bounded extends java.io.FilterInputStream {

        static final class TooLarge extends IOException {
            TooLarge() {
                super("too large", null);
            }
        }

        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge();
            }
        }
    }
}
