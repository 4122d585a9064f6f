package io.ninep.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs helm (bundled by helm-java as a native library, so no cluster and no network) on helm/ninep.
 * List values go through a values file: helm's --set replaces a whole list when one index is set.
 */
final class Chart {

    static final Path DIR = Path.of("helm", "ninep");
    static final String RELEASE = "ninep";
    static final String NAMESPACE = "files";

    private Chart() {}

    static LintResult lint() {
        return new Helm(DIR).lint().strict().call();
    }

    static String renderText(Map<String, Object> set) {
        return renderText("", set);
    }

    /** Renders with a values file holding {@code valuesYaml} (may be empty) and then {@code set}. */
    static String renderText(String valuesYaml, Map<String, Object> set) {
        TemplateCommand template = new Helm(DIR).template().withName(RELEASE).withNamespace(NAMESPACE);
        Path values = null;
        try {
            if (!valuesYaml.isEmpty()) {
                values = Files.createTempFile("ninep-values", ".yaml");
                Files.writeString(values, valuesYaml);
                template = template.withValuesFile(values);
            }
            for (Map.Entry<String, Object> e : set.entrySet()) {
                template = template.set(e.getKey(), e.getValue());
            }
            return template.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (values != null) {
                values.toFile().delete();
            }
        }
    }

    static Manifests render(Map<String, Object> set) {
        return Manifests.parse(renderText(set));
    }

    static Manifests render(String valuesYaml, Map<String, Object> set) {
        return Manifests.parse(renderText(valuesYaml, set));
    }

    static Manifests render() {
        return render(Map.of());
    }

    /**
     * NOTES.txt as helm would print it after an install. helm-java's template returns manifests only, so
     * a copy of the chart carries the notes inside a ConfigMap, rendered by the same engine.
     */
    static String renderNotes(String valuesYaml) {
        Path copy = null;
        try {
            copy = Files.createTempDirectory("ninep-chart");
            copyTree(DIR, copy);
            StringBuilder probe = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: notes\n"
                    + "data:\n  notes: |\n");
            for (String line : Files.readAllLines(DIR.resolve("templates/NOTES.txt"))) {
                probe.append("    ").append(line).append('\n');
            }
            Files.writeString(copy.resolve("templates/notes-probe.yaml"), probe);
            Path values = copy.resolve("test-values.yaml");
            Files.writeString(values, valuesYaml);
            String rendered = new Helm(copy).template().withName(RELEASE).withNamespace(NAMESPACE)
                    .withValuesFile(values).call();
            return Manifests.parse(rendered).get(ConfigMap.class, "notes").getData().get("notes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (copy != null) {
                deleteTree(copy);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
