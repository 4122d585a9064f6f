package io.ninep.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploy/kubernetes/*.yaml, held to the same checks as the chart. */
class PlainManifestsTest {

    static final Path DEPLOY = Path.of("deploy");
    static final Path DIR = DEPLOY.resolve("kubernetes");

    private static Manifests manifests;
    private static StatefulSet statefulSet;
    private static PodSpec pod;
    private static Container server;

    static List<Path> files() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifests manifests() {
        return Manifests.read(files());
    }

    @BeforeAll
    static void read() {
        manifests = manifests();
        statefulSet = manifests.get(StatefulSet.class, "ninep");
        pod = ServerChecks.pod(statefulSet);
        server = ServerChecks.server(statefulSet);
    }

    @Test
    void everyObjectCarriesTheAppLabels() {
        for (HasMetadata object : manifests.all()) {
            Map<String, String> labels = object.getMetadata().getLabels();
            assertEquals("ninep", labels.get("app.kubernetes.io/name"), object.getMetadata().getName());
            assertEquals("ninep", labels.get("app.kubernetes.io/instance"), object.getMetadata().getName());
        }
    }

    @Test
    void serverListensFor9pOn564AndHttpOn8080() {
        ServerChecks.assertContainerPorts(server, 564, 8080);
        assertEquals("564", ServerChecks.env(server, "NINEP_PORT").getValue());
        ServerChecks.assertMayBindPort(pod, 564);
    }

    @Test
    void probesAskQuarkusHealthOnTheHttpPort() {
        ServerChecks.assertHealthProbes(server);
    }

    @Test
    void podRunsNonRootWithReadOnlyRootAndNoCapabilities() {
        ServerChecks.assertHardened(pod, server);
        ServerChecks.assertScratchOnlyInTmp(pod, server);
    }

    @Test
    void exportLivesOnTheReadWriteManyClaim() {
        PersistentVolumeClaim claim = manifests.get(PersistentVolumeClaim.class, "ninep-default");
        assertEquals(List.of("ReadWriteMany"), claim.getSpec().getAccessModes());
        String volume = ServerChecks.mount(server, "/exports/default").getName();
        assertEquals("ninep-default", ServerChecks.volume(pod, volume).getPersistentVolumeClaim().getClaimName());
        assertEquals("/exports/default", ServerChecks.env(server, "NINEP_EXPORTS_DEFAULT_PATH").getValue());
    }

    @Test
    void adminTokenComesFromTheSecret() {
        ServerChecks.assertAdminTokenFromSecret(server, "ninep-admin-token", "token");
    }

    @Test
    void jvmHeapFollowsTheContainerMemoryLimit() {
        ServerChecks.assertJvmSizedFromContainer(server, 60);
    }

    @Test
    void terminationGraceCoversPreStopAndShutdownTimeout() {
        ServerChecks.assertGraceCoversDrain(pod, server);
    }

    @Test
    void ninepServiceCarriesNoAdminPortAndAdminServiceNo9pPort() {
        ServerChecks.assertCarriesOnly9p(manifests.get(Service.class, "ninep"), 564);
        ServerChecks.assertCarriesOnly9p(manifests.get(Service.class, "ninep-headless"), 564);
        ServerChecks.assertCarriesOnlyHttp(manifests.get(Service.class, "ninep-admin"), 8080);
        assertEquals("ninep-headless", statefulSet.getSpec().getServiceName());
    }

    @Test
    void servicesAndPoliciesSelectTheServerPods() {
        Map<String, String> podLabels = statefulSet.getSpec().getTemplate().getMetadata().getLabels();
        for (Service service : manifests.all(Service.class)) {
            assertTrue(podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()),
                    service.getMetadata().getName());
        }
        assertTrue(podLabels.entrySet().containsAll(
                manifests.get(NetworkPolicy.class, "ninep").getSpec().getPodSelector().getMatchLabels().entrySet()));
        assertTrue(podLabels.entrySet().containsAll(
                manifests.get(PodDisruptionBudget.class, "ninep").getSpec().getSelector().getMatchLabels().entrySet()));
    }

    @Test
    void networkPolicyOpens9pAndLetsOnlyMonitoringReachHttp() {
        NetworkPolicy policy = manifests.get(NetworkPolicy.class, "ninep");
        ServerChecks.assertNinepOpenHttpRestricted(policy);
        NetworkPolicyIngressRule http = ServerChecks.httpRule(policy);
        assertEquals(1, http.getFrom().size());
        assertEquals(Map.of("kubernetes.io/metadata.name", "monitoring"),
                http.getFrom().get(0).getNamespaceSelector().getMatchLabels());
    }

    @Test
    void serviceMonitorScrapesMetricsThroughTheAdminServiceOnly() {
        GenericKubernetesResource monitor = manifests.custom("ServiceMonitor");
        Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
        assertTrue(manifests.get(Service.class, "ninep-admin").getMetadata().getLabels().entrySet()
                .containsAll(selector.entrySet()));
        assertTrue(!manifests.get(Service.class, "ninep").getMetadata().getLabels().entrySet()
                .containsAll(selector.entrySet()));
        assertEquals("http", monitor.get("spec", "endpoints", 0, "port"));
        assertEquals("/q/metrics", monitor.get("spec", "endpoints", 0, "path"));
    }

    @Test
    void disruptionBudgetLetsOneReplicaGoSoDrainsNeverBlock() {
        PodDisruptionBudget budget = manifests.get(PodDisruptionBudget.class, "ninep");
        assertEquals(1, budget.getSpec().getMaxUnavailable().getIntVal());
        assertNull(budget.getSpec().getMinAvailable());
    }

    @Test
    void kustomizationListsEveryManifestAndTheDashboard() throws IOException {
        Map<String, Object> kustomization = new KubernetesSerialization()
                .unmarshal(Files.readString(DEPLOY.resolve("kustomization.yaml")), Map.class);
        TreeSet<String> listed = new TreeSet<>();
        for (Object resource : (List<?>) kustomization.get("resources")) {
            listed.add(resource.toString());
        }
        TreeSet<String> present = new TreeSet<>();
        for (Path file : files()) {
            present.add(DEPLOY.relativize(file).toString().replace('\\', '/'));
        }
        assertEquals(present, listed);
        assertTrue(kustomization.toString().contains("grafana/ninep-dashboard.json"));
    }

    @Test
    void readmeDocumentsEveryVariableTheManifestSets() throws IOException {
        String readme = Files.readString(DEPLOY.resolve("README.md"));
        for (String name : ServerChecks.literalEnv(server).keySet()) {
            assertTrue(readme.contains(name), name);
        }
        assertTrue(readme.contains("NINEP_ADMIN_TOKEN"));
    }
}
