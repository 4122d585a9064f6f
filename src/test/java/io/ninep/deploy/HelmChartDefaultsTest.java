package io.ninep.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** helm/ninep rendered with its default values. */
class HelmChartDefaultsTest {

    private static Manifests rendered;
    private static StatefulSet statefulSet;
    private static PodSpec pod;
    private static Container server;

    @BeforeAll
    static void render() {
        rendered = Chart.render();
        statefulSet = rendered.get(StatefulSet.class, "ninep");
        pod = ServerChecks.pod(statefulSet);
        server = ServerChecks.server(statefulSet);
    }

    @Test
    void chartPassesStrictLint() {
        LintResult lint = Chart.lint();
        assertFalse(lint.isFailed(), () -> String.join("\n", lint.getMessages()));
    }

    @Test
    void releaseHoldsOneServerWithItsServicesAndPolicies() {
        assertEquals(1, rendered.count("StatefulSet"));
        assertEquals(3, rendered.count("Service"));
        assertEquals(1, rendered.count("NetworkPolicy"));
        assertEquals(1, rendered.count("PodDisruptionBudget"));
        assertEquals(1, rendered.count("ServiceMonitor"));
        assertEquals(1, rendered.count("ConfigMap"));
        assertEquals(1, statefulSet.getSpec().getReplicas());
    }

    @Test
    void serverListensFor9pOn564AndHttpOn8080() {
        ServerChecks.assertContainerPorts(server, 564, 8080);
        assertEquals("564", ServerChecks.env(server, "NINEP_PORT").getValue());
        assertEquals("8080", ServerChecks.env(server, "QUARKUS_HTTP_PORT").getValue());
        ServerChecks.assertMayBindPort(pod, 564);
    }

    @Test
    void probesAskQuarkusHealthOnTheHttpPort() {
        ServerChecks.assertHealthProbes(server);
    }

    @Test
    void podRunsNonRootWithReadOnlyRootAndNoCapabilities() {
        ServerChecks.assertHardened(pod, server);
        assertEquals(185L, pod.getSecurityContext().getRunAsUser());
        assertEquals(185L, pod.getSecurityContext().getFsGroup());
        ServerChecks.assertScratchOnlyInTmp(pod, server);
    }

    @Test
    void defaultExportLivesOnAClaimPerReplica() {
        assertEquals("/exports/default", ServerChecks.env(server, "NINEP_EXPORTS_DEFAULT_PATH").getValue());
        assertEquals("local", ServerChecks.env(server, "NINEP_EXPORTS_DEFAULT_TYPE").getValue());
        assertEquals("export-default", ServerChecks.mount(server, "/exports/default").getName());
        List<PersistentVolumeClaim> templates = statefulSet.getSpec().getVolumeClaimTemplates();
        assertEquals(1, templates.size());
        assertEquals("export-default", templates.get(0).getMetadata().getName());
        assertEquals(List.of("ReadWriteOnce"), templates.get(0).getSpec().getAccessModes());
        assertTrue(rendered.all(PersistentVolumeClaim.class).isEmpty(), "no chart-made shared claim");
    }

    @Test
    void adminTokenComesFromTheChartSecret() {
        ServerChecks.assertAdminTokenFromSecret(server, "ninep-admin-token", "token");
    }

    @Test
    void jvmHeapFollowsTheContainerMemoryLimit() {
        ServerChecks.assertJvmSizedFromContainer(server, 60);
    }

    @Test
    void terminationGraceCoversPreStopAndShutdownTimeout() {
        assertEquals("30s", ServerChecks.env(server, "QUARKUS_SHUTDOWN_TIMEOUT").getValue());
        assertEquals("30s", ServerChecks.env(server, "NINEP_SHUTDOWN_TIMEOUT").getValue());
        assertEquals(5L, server.getLifecycle().getPreStop().getSleep().getSeconds());
        assertEquals(75L, pod.getTerminationGracePeriodSeconds());
        ServerChecks.assertGraceCoversDrain(pod, server);
    }

    @Test
    void ninepServiceCarriesNoAdminPort() {
        ServerChecks.assertCarriesOnly9p(rendered.get(Service.class, "ninep"), 564);
        ServerChecks.assertCarriesOnly9p(rendered.get(Service.class, "ninep-headless"), 564);
        assertEquals("ninep-headless", statefulSet.getSpec().getServiceName());
    }

    @Test
    void adminServiceCarriesNo9pPort() {
        ServerChecks.assertCarriesOnlyHttp(rendered.get(Service.class, "ninep-admin"), 8080);
    }

    @Test
    void servicesAndPoliciesSelectTheServerPods() {
        Map<String, String> podLabels = statefulSet.getSpec().getTemplate().getMetadata().getLabels();
        for (Service service : rendered.all(Service.class)) {
            assertTrue(podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()),
                    service.getMetadata().getName());
        }
        assertTrue(podLabels.entrySet().containsAll(
                rendered.get(NetworkPolicy.class, "ninep").getSpec().getPodSelector().getMatchLabels().entrySet()));
        assertTrue(podLabels.entrySet().containsAll(
                rendered.get(PodDisruptionBudget.class, "ninep").getSpec().getSelector().getMatchLabels().entrySet()));
        assertEquals(statefulSet.getSpec().getSelector().getMatchLabels(),
                rendered.get(Service.class, "ninep").getSpec().getSelector());
    }

    @Test
    void networkPolicyOpens9pAndLetsOnlyMonitoringReachHttp() {
        NetworkPolicy policy = rendered.get(NetworkPolicy.class, "ninep");
        ServerChecks.assertNinepOpenHttpRestricted(policy);
        NetworkPolicyIngressRule http = ServerChecks.httpRule(policy);
        assertEquals(1, http.getFrom().size());
        assertEquals(Map.of("kubernetes.io/metadata.name", "monitoring"),
                http.getFrom().get(0).getNamespaceSelector().getMatchLabels());
        assertNull(http.getFrom().get(0).getPodSelector());
    }

    @Test
    void serviceMonitorScrapesMetricsThroughTheAdminServiceOnly() {
        GenericKubernetesResource monitor = rendered.custom("ServiceMonitor");
        assertEquals("monitoring.coreos.com/v1", monitor.getApiVersion());
        Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
        assertTrue(rendered.get(Service.class, "ninep-admin").getMetadata().getLabels().entrySet()
                .containsAll(selector.entrySet()));
        for (String ninep : List.of("ninep", "ninep-headless")) {
            assertFalse(rendered.get(Service.class, ninep).getMetadata().getLabels().entrySet()
                    .containsAll(selector.entrySet()), ninep);
        }
        assertEquals("http", monitor.get("spec", "endpoints", 0, "port"));
        assertEquals("/q/metrics", monitor.get("spec", "endpoints", 0, "path"));
        assertEquals(List.of(Chart.NAMESPACE), monitor.get("spec", "namespaceSelector", "matchNames"));
    }

    @Test
    void disruptionBudgetLetsOneReplicaGoSoDrainsNeverBlock() {
        PodDisruptionBudget budget = rendered.get(PodDisruptionBudget.class, "ninep");
        assertEquals(1, budget.getSpec().getMaxUnavailable().getIntVal());
        assertNull(budget.getSpec().getMinAvailable());
    }

    @Test
    void chartDashboardIsACopyOfTheProjectDashboard() throws IOException {
        Path original = Path.of("deploy", "grafana", "ninep-dashboard.json");
        assumeTrue(Files.exists(original), "deploy/grafana/ninep-dashboard.json not written yet");
        assertEquals(Files.readString(original), Files.readString(Chart.DIR.resolve("dashboards/ninep-dashboard.json")),
                "copy deploy/grafana/ninep-dashboard.json to helm/ninep/dashboards/");
    }

    @Test
    void dashboardConfigMapCarriesTheChartCopyForTheGrafanaSidecar() throws IOException {
        ConfigMap dashboard = rendered.get(ConfigMap.class, "ninep-dashboard");
        assertEquals("1", dashboard.getMetadata().getLabels().get("grafana_dashboard"));
        String copy = Files.readString(Chart.DIR.resolve("dashboards/ninep-dashboard.json"));
        assertEquals(copy.strip(), dashboard.getData().get("ninep-dashboard.json").strip());
    }
}
