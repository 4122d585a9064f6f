package io.ninep.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lints src/main/docker/Dockerfile.jvm; no engine runs here, so the image itself is not built. */
class DockerfileTest {

    private static List<String> instructions;

    /** Instructions with continuation lines joined and comments dropped. */
    @BeforeAll
    static void read() throws IOException {
        instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("src/main/docker/Dockerfile.jvm"))) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.isEmpty() && current.length() == 0) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            instructions.add(current.toString());
            current.setLength(0);
        }
    }

    private static List<String> arguments(String keyword) {
        return instructions.stream()
                .filter(i -> i.regionMatches(true, 0, keyword + " ", 0, keyword.length() + 1))
                .map(i -> i.substring(keyword.length() + 1).strip())
                .toList();
    }

    @Test
    void baseIsAPinnedJava21Runtime() {
        List<String> from = arguments("FROM");
        assertEquals(1, from.size(), "a single runtime stage: the fast-jar is built by ./mvnw package");
        assertTrue(from.get(0).contains("openjdk-21-runtime") || from.get(0).contains("21-jre"), from.get(0));
        assertFalse(from.get(0).endsWith(":latest") || !from.get(0).contains(":"), "pinned tag: " + from.get(0));
    }

    @Test
    void runsAsANumericNonRootUser() {
        List<String> users = arguments("USER");
        assertFalse(users.isEmpty());
        String last = users.get(users.size() - 1);
        assertTrue(last.matches("\\d+(:\\d+)?"), last);
        assertFalse(last.startsWith("0"), last);
    }

    @Test
    void copiesTheWholeFastJarLayout() {
        Set<String> sources = new TreeSet<>();
        for (String copy : arguments("COPY")) {
            String[] words = copy.split("\\s+");
            for (int i = 0; i < words.length - 1; i++) {
                if (!words[i].startsWith("--")) {
                    sources.add(words[i]);
                }
            }
        }
        assertEquals(Set.of("target/quarkus-app/lib/", "target/quarkus-app/*.jar", "target/quarkus-app/app/",
                "target/quarkus-app/quarkus/"), sources);
        assertTrue(arguments("COPY").stream().allMatch(c -> c.startsWith("--chown=185")),
                "files owned by the runtime user, not root");
    }

    @Test
    void fetchesNothingFromTheNetwork() {
        for (String add : arguments("ADD")) {
            assertFalse(add.contains("://"), add);
        }
        for (String run : arguments("RUN")) {
            assertFalse(run.contains("curl") || run.contains("wget"), run);
        }
    }

    @Test
    void defaultExportLivesOnAMountPointTheRuntimeUserOwns() {
        String env = String.join(" ", arguments("ENV"));
        assertTrue(env.contains("NINEP_EXPORTS_DEFAULT_PATH=/exports/default"), env);
        assertTrue(arguments("RUN").stream().anyMatch(r -> r.contains("mkdir -p /exports/default")
                && r.contains("chown -R 185")), "mount point owned by uid 185");
    }

    @Test
    void exposes9pAndHttp() {
        Set<String> ports = new TreeSet<>();
        for (String expose : arguments("EXPOSE")) {
            ports.addAll(List.of(expose.split("\\s+")));
        }
        assertEquals(Set.of("564", "8080"), ports);
    }

    @Test
    void jvmIsSizedFromTheContainerAndRunsTheFastJar() {
        String env = String.join(" ", arguments("ENV"));
        assertTrue(env.contains("-XX:MaxRAMPercentage=60"), env);
        assertTrue(env.contains("-XX:+ExitOnOutOfMemoryError"), env);
        assertTrue(env.contains("-Djava.io.tmpdir=/tmp"), env);
        assertTrue(env.contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\""), env);
        assertEquals(1, arguments("ENTRYPOINT").size());
    }
}
