package io.ninep.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The Kubernetes objects of a multi-document YAML stream (rendered chart or files), by kind and name. */
final class Manifests {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final Pattern HAS_KIND = Pattern.compile("(?m)^kind:");

    private final List<HasMetadata> objects;

    private Manifests(List<HasMetadata> objects) {
        this.objects = List.copyOf(objects);
    }

    static Manifests parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
            // Comment-only documents (a disabled template, a file header) hold no object.
            if (HAS_KIND.matcher(document).find()) {
                objects.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
            }
        }
        return new Manifests(objects);
    }

    static Manifests read(List<Path> files) {
        StringBuilder all = new StringBuilder();
        for (Path file : files) {
            try {
                all.append(Files.readString(file)).append("\n---\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return parse(all.toString());
    }

    List<HasMetadata> all() {
        return objects;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(
                () -> new AssertionError("no " + type.getSimpleName() + " named " + name + " in " + names()));
    }

    /** The only object of a kind the model does not know (a CRD such as ServiceMonitor). */
    GenericKubernetesResource custom(String kind) {
        List<GenericKubernetesResource> found = all(GenericKubernetesResource.class).stream()
                .filter(o -> kind.equals(o.getKind())).toList();
        assertEquals(1, found.size(), () -> "one " + kind + " in " + names());
        return found.get(0);
    }

    long count(String kind) {
        return objects.stream().filter(o -> kind.equals(o.getKind())).count();
    }

    private List<String> names() {
        return objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList();
    }
}
