package io.heed.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator sees when a playbook in the templates folder is broken: the file, the line, the reason. */
@QuarkusTest
class LoadPlaybookFolderTest {

    static final String VALID_YAML = """
            key: sample
            title: Sample advisory
            summary: Do the thing.
            subjects:
              invitation: Please do the thing
              reminder: "Reminder: the thing"
            steps:
              - key: first
                title: First step
                instructions: Do it.
                url: https://example.com/first
              - key: second
                title: Second step
                instructions: Do it again.
            """;

    static final String TEMPLATE = "Hello {recipient.name}: {#for step in playbook.steps}{step.title} {/for}{link}";

    @Inject
    LoadPlaybookFolder folder;

    @TempDir
    Path root;

    Path sample;

    @BeforeEach
    void validSample() throws IOException {
        sample = Files.createDirectories(root.resolve("sample"));
        Files.writeString(sample.resolve("playbook.yaml"), VALID_YAML);
        for (String name : List.of("invitation.html", "invitation.txt", "reminder.html", "reminder.txt")) {
            Files.writeString(sample.resolve(name), TEMPLATE);
        }
    }

    private String problems() {
        PlaybookException e = assertThrows(PlaybookException.class, () -> folder.read(root));
        return e.problems().stream().map(PlaybookProblem::toString).collect(Collectors.joining("\n"));
    }

    private void yaml(String text) throws IOException {
        Files.writeString(sample.resolve("playbook.yaml"), text);
    }

    @Test
    void aValidFolderReads() {
        List<PlaybookSource> sources = folder.read(root);
        assertEquals(1, sources.size());
        assertEquals(List.of("first", "second"), sources.get(0).definition().stepKeys());
    }

    @Test
    void malformedYamlNamesFileAndLine() throws IOException {
        yaml(VALID_YAML.replace("  - key: second", "  - key: second\n   title: [unclosed"));
        String problems = problems();
        assertTrue(problems.startsWith("sample/playbook.yaml:13: invalid YAML"), problems);
    }

    @Test
    void unknownFieldNamesItsLine() throws IOException {
        yaml(VALID_YAML.replace("summary: Do the thing.", "summary: Do the thing.\ntitel: typo"));
        assertEquals("sample/playbook.yaml:4: unknown field 'titel'", problems());
    }

    @Test
    void missingAndInvalidFieldsAreAllReportedWithTheirLines() throws IOException {
        yaml(VALID_YAML
                .replace("title: Sample advisory\n", "")
                .replace("    url: https://example.com/first", "    url: javascript:alert(1)")
                .replace("  - key: second", "  - key: first"));
        String problems = problems();
        assertTrue(problems.contains("sample/playbook.yaml:1: title: required"), problems);
        assertTrue(
                problems.contains(
                        "sample/playbook.yaml:10: steps[0].url: 'javascript:alert(1)' is not an absolute https or http URL"),
                problems);
        assertTrue(
                problems.contains("sample/playbook.yaml:11: steps[1].key: 'first' is used by an earlier step"),
                problems);
    }

    @Test
    void subjectsAndStepsAreRequired() throws IOException {
        yaml("key: sample\ntitle: T\nsummary: S\nsubjects:\n  invitation: I\n");
        String problems = problems();
        assertTrue(problems.contains("subjects.reminder: required"), problems);
        assertTrue(problems.contains("steps: at least one step is required"), problems);
    }

    @Test
    void translationsMayOnlyNameExistingSteps() throws IOException {
        yaml(VALID_YAML + "translations:\n  de:\n    steps:\n      thrid:\n        title: Dritter\n");
        String problems = problems();
        assertTrue(problems.contains("translations.de.steps: 'thrid' is not a step of this playbook"), problems);
        assertTrue(problems.contains("sample/playbook.yaml:19:"), problems);
    }

    @Test
    void folderNameMustEqualTheKey() throws IOException {
        yaml(VALID_YAML.replace("key: sample", "key: other"));
        assertEquals("sample/playbook.yaml:1: key: 'other' must equal the folder name 'sample'", problems());
    }

    @Test
    void everyRequiredTemplateMustExist() throws IOException {
        Files.delete(sample.resolve("reminder.txt"));
        assertEquals("sample/reminder.txt: missing: every playbook needs reminder.txt", problems());
    }

    @Test
    void templateSyntaxErrorsNameTheTemplateAndLine() throws IOException {
        Files.writeString(sample.resolve("invitation.html"), "<p>Hello</p>\n<p>{#if link}unclosed</p>\n");
        String problems = problems();
        assertTrue(problems.startsWith("sample/invitation.html:2: "), problems);
    }

    @Test
    void templatesUsingUnknownNamesFailAtLoadNotAtSend() throws IOException {
        Files.writeString(sample.resolve("reminder.de.txt"), "Hallo\n{recipient.nmae}\n");
        String problems = problems();
        assertTrue(problems.startsWith("sample/reminder.de.txt:2: "), problems);
        assertTrue(problems.contains("nmae"), problems);
    }

    @Test
    void strayTemplateNamesAreRefused() throws IOException {
        Files.writeString(sample.resolve("invitaton.html"), TEMPLATE);
        assertTrue(problems().startsWith("sample/invitaton.html: not a template name"));
    }

    @Test
    void problemsOfSeveralPlaybooksAreReportedTogether() throws IOException {
        Path other = Files.createDirectories(root.resolve("other"));
        Files.writeString(other.resolve("playbook.yaml"), "key: other\n");
        Files.delete(sample.resolve("invitation.txt"));
        String problems = problems();
        assertTrue(problems.contains("other/playbook.yaml"), problems);
        assertTrue(problems.contains("sample/invitation.txt"), problems);
    }
}
