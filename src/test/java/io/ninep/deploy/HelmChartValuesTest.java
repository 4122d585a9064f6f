package io.ninep.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** helm/ninep rendered with the value combinations operators are expected to use. */
class HelmChartValuesTest {

    static final String SHARED_READ_WRITE_MANY = """
            replicas: 3
            exports:
              - name: default
                type: local
                persistence:
                  shared: true
                  storageClass: nfs-client
                  size: 50Gi
                  accessModes: [ReadWriteMany]
            """;

    static final String TWO_EXPORTS = """
            exports:
              - name: media
                type: local
                readOnly: true
                multidevs: remap
                persistence:
                  existingClaim: media-library
              - name: scratch
                type: memory
                capacity: 268435456
            """;

    private static StatefulSet statefulSet(Manifests rendered) {
        return rendered.get(StatefulSet.class, "ninep");
    }

    private static String env(Manifests rendered, String name) {
        return ServerChecks.env(ServerChecks.server(statefulSet(rendered)), name).getValue();
    }

    private static String renderFailure(String valuesYaml) {
        return assertThrows(IllegalStateException.class, () -> Chart.renderText(valuesYaml, Map.of()))
                .getMessage();
    }

    @Test
    void serviceMonitorOffRendersNone() {
        Manifests rendered = Chart.render(Map.of("serviceMonitor.enabled", false));
        assertEquals(0, rendered.count("ServiceMonitor"));
        assertEquals(1, rendered.count("StatefulSet"));
    }

    @Test
    void networkPolicyDisruptionBudgetAndDashboardCanEachBeLeftOut() {
        Manifests rendered = Chart.render(Map.of(
                "networkPolicy.enabled", false,
                "podDisruptionBudget.enabled", false,
                "grafanaDashboard.enabled", false));
        assertEquals(0, rendered.count("NetworkPolicy"));
        assertEquals(0, rendered.count("PodDisruptionBudget"));
        assertEquals(0, rendered.count("ConfigMap"));
    }

    @Test
    void threeReplicasShareOneReadWriteManyClaim() {
        Manifests rendered = Chart.render(SHARED_READ_WRITE_MANY, Map.of());
        StatefulSet statefulSet = statefulSet(rendered);
        assertEquals(3, statefulSet.getSpec().getReplicas());
        assertTrue(statefulSet.getSpec().getVolumeClaimTemplates() == null
                || statefulSet.getSpec().getVolumeClaimTemplates().isEmpty());

        PersistentVolumeClaim claim = rendered.get(PersistentVolumeClaim.class, "ninep-default");
        assertEquals(List.of("ReadWriteMany"), claim.getSpec().getAccessModes());
        assertEquals("nfs-client", claim.getSpec().getStorageClassName());
        assertEquals("50Gi", claim.getSpec().getResources().getRequests().get("storage").toString());
        assertEquals("keep", claim.getMetadata().getAnnotations().get("helm.sh/resource-policy"),
                "helm uninstall must not delete the export's files");

        PodSpec pod = ServerChecks.pod(statefulSet);
        String volume = ServerChecks.mount(ServerChecks.server(statefulSet), "/exports/default").getName();
        assertEquals("ninep-default", ServerChecks.volume(pod, volume).getPersistentVolumeClaim().getClaimName());
    }

    @Test
    void severalReplicasOnPerReplicaVolumesAreRefused() {
        String message = renderFailure("replicas: 3\n");
        assertTrue(message.contains("3 replicas would each serve their own volume"), message);
    }

    @Test
    void claimSharedBySeveralReplicasMustBeReadWriteMany() {
        String message = renderFailure(SHARED_READ_WRITE_MANY.replace("[ReadWriteMany]", "[ReadWriteOnce]"));
        assertTrue(message.contains("needs the ReadWriteMany access mode"), message);
    }

    @Test
    void twoExportsGetTheirOwnVariablesAndVolumes() {
        Manifests rendered = Chart.render(TWO_EXPORTS, Map.of());
        StatefulSet statefulSet = statefulSet(rendered);
        Container server = ServerChecks.server(statefulSet);

        assertEquals("media", env(rendered, "NINEP_DEFAULT_EXPORT"));
        assertEquals("local", env(rendered, "NINEP_EXPORTS_MEDIA_TYPE"));
        assertEquals("/exports/media", env(rendered, "NINEP_EXPORTS_MEDIA_PATH"));
        assertEquals("true", env(rendered, "NINEP_EXPORTS_MEDIA_READ_ONLY"));
        assertEquals("remap", env(rendered, "NINEP_EXPORTS_MEDIA_MULTIDEVS"));
        assertEquals("memory", env(rendered, "NINEP_EXPORTS_SCRATCH_TYPE"));
        assertEquals("268435456", env(rendered, "NINEP_EXPORTS_SCRATCH_CAPACITY"));
        assertFalse(ServerChecks.literalEnv(server).containsKey("NINEP_EXPORTS_SCRATCH_PATH"));

        String volume = ServerChecks.mount(server, "/exports/media").getName();
        assertEquals("media-library",
                ServerChecks.volume(ServerChecks.pod(statefulSet), volume).getPersistentVolumeClaim().getClaimName());
        assertEquals(2, server.getVolumeMounts().size(), "/tmp and the local export; memory needs no volume");
        assertEquals("memory", env(rendered, "NINEP_EXPORTS_DEFAULT_TYPE"), "the image's own export, emptied");
        assertEquals("true", env(rendered, "NINEP_EXPORTS_DEFAULT_READ_ONLY"));
        assertTrue(rendered.all(PersistentVolumeClaim.class).isEmpty(), "an existing claim is not the chart's");
    }

    @Test
    void defaultExportMustNameAnExport() {
        String message = renderFailure(TWO_EXPORTS + "ninep:\n  defaultExport: missing\n");
        assertTrue(message.contains("names no export"), message);
    }

    @Test
    void exportNamesMustBeUnique() {
        String message = renderFailure(TWO_EXPORTS.replace("name: scratch", "name: media"));
        assertTrue(message.contains("is used twice"), message);
    }

    @Test
    void exportNamesThatEnvironmentVariablesCannotCarryAreRefused() {
        String message = renderFailure(TWO_EXPORTS.replace("name: scratch", "name: my-scratch"));
        assertTrue(message.contains("does not match pattern"), message);
    }

    @Test
    void msizeAndLimitsReachTheServer() {
        Manifests rendered = Chart.render(Map.ofEntries(
                Map.entry("ninep.maxMsize", 524288),
                Map.entry("ninep.maxFids", 2048),
                Map.entry("ninep.maxPending", 256),
                Map.entry("ninep.maxConnections", 100),
                Map.entry("ninep.workerThreads", 8),
                Map.entry("ninep.workerConcurrency", 2),
                Map.entry("ninep.workerStallThreshold", "20ms"),
                Map.entry("ninep.versionTimeout", "10s"),
                Map.entry("ninep.idleTimeout", "15m"),
                Map.entry("ninep.memoryBudget", 134217728),
                Map.entry("ninep.connectionMemoryLimit", 16777216),
                Map.entry("ninep.writeStallTimeout", "2m")));
        assertEquals("524288", env(rendered, "NINEP_MAX_MSIZE"));
        assertEquals("2048", env(rendered, "NINEP_MAX_FIDS"));
        assertEquals("256", env(rendered, "NINEP_MAX_PENDING"));
        assertEquals("100", env(rendered, "NINEP_MAX_CONNECTIONS"));
        assertEquals("8", env(rendered, "NINEP_WORKER_THREADS"));
        assertEquals("2", env(rendered, "NINEP_WORKER_CONCURRENCY"));
        assertEquals("20ms", env(rendered, "NINEP_WORKER_STALL_THRESHOLD"));
        assertEquals("10s", env(rendered, "NINEP_VERSION_TIMEOUT"));
        assertEquals("15m", env(rendered, "NINEP_IDLE_TIMEOUT"));
        assertEquals("134217728", env(rendered, "NINEP_MEMORY_BUDGET"));
        assertEquals("16777216", env(rendered, "NINEP_CONNECTION_MEMORY_LIMIT"));
        assertEquals("2m", env(rendered, "NINEP_WRITE_STALL_TIMEOUT"));
    }

    @Test
    void unsetLimitsKeepTheServerDefaults() {
        Map<String, String> env = ServerChecks.literalEnv(ServerChecks.server(statefulSet(Chart.render())));
        for (String name : List.of("NINEP_MAX_FIDS", "NINEP_MAX_PENDING", "NINEP_MAX_CONNECTIONS",
                "NINEP_WORKER_THREADS", "NINEP_VERSION_TIMEOUT", "NINEP_IDLE_TIMEOUT", "NINEP_MEMORY_BUDGET",
                "NINEP_CONNECTION_MEMORY_LIMIT", "NINEP_WRITE_STALL_TIMEOUT",
                "NINEP_EXPORTS_DEFAULT_MULTIDEVS")) {
            assertFalse(env.containsKey(name), name);
        }
    }

    @Test
    void existingSecretProvidesTheAdminToken() {
        Manifests rendered = Chart.render(Map.of(
                "admin.token.existingSecret", "ops-ninep",
                "admin.token.secretKey", "bearer"));
        ServerChecks.assertAdminTokenFromSecret(ServerChecks.server(statefulSet(rendered)), "ops-ninep", "bearer");
    }

    @Test
    void clientOwnershipRunsAsRootWithOnlyTheOwnershipCapabilities() {
        Manifests rendered = Chart.render(Map.of("clientOwnership.enabled", true));
        StatefulSet statefulSet = statefulSet(rendered);
        SecurityContext context = ServerChecks.server(statefulSet).getSecurityContext();
        assertEquals(0L, context.getRunAsUser(), "added capabilities are effective only for uid 0");
        assertEquals(Boolean.FALSE, context.getRunAsNonRoot());
        assertEquals(Boolean.FALSE, ServerChecks.pod(statefulSet).getSecurityContext().getRunAsNonRoot());
        assertEquals(List.of("ALL"), context.getCapabilities().getDrop());
        assertEquals(List.of("CHOWN", "FOWNER", "DAC_OVERRIDE"), context.getCapabilities().getAdd());
        assertEquals(Boolean.FALSE, context.getAllowPrivilegeEscalation());
        assertEquals(Boolean.TRUE, context.getReadOnlyRootFilesystem());
        assertNull(context.getPrivileged());
    }

    @Test
    void unprivilegedContainerPortNeedsNoSysctlAndKeepsServicePort564() {
        Manifests rendered = Chart.render(Map.of("ninep.port", 5640));
        StatefulSet statefulSet = statefulSet(rendered);
        ServerChecks.assertContainerPorts(ServerChecks.server(statefulSet), 5640, 8080);
        assertTrue(ServerChecks.pod(statefulSet).getSecurityContext().getSysctls() == null
                || ServerChecks.pod(statefulSet).getSecurityContext().getSysctls().isEmpty());
        ServerChecks.assertCarriesOnly9p(rendered.get(Service.class, "ninep"), 564);
    }

    @Test
    void loadBalancedNinepServiceLeavesTheAdminServiceInternal() {
        Manifests rendered = Chart.render(Map.of("service.type", "LoadBalancer"));
        assertEquals("LoadBalancer", rendered.get(Service.class, "ninep").getSpec().getType());
        assertEquals("ClusterIP", rendered.get(Service.class, "ninep-admin").getSpec().getType());
        ServerChecks.assertCarriesOnly9p(rendered.get(Service.class, "ninep"), 564);
    }

    @Test
    void networkPolicyCanLimit9pToNamedClientsAndAdminToMoreSources() {
        Manifests rendered = Chart.render("""
                networkPolicy:
                  clients:
                    - podSelector:
                        matchLabels:
                          ninep-client: "true"
                  adminClients:
                    - namespaceSelector:
                        matchLabels:
                          kubernetes.io/metadata.name: ops
                """, Map.of());
        NetworkPolicy policy = rendered.get(NetworkPolicy.class, "ninep");
        NetworkPolicyIngressRule ninep = ServerChecks.ninepRule(policy);
        assertEquals(Map.of("ninep-client", "true"), ninep.getFrom().get(0).getPodSelector().getMatchLabels());
        NetworkPolicyIngressRule http = ServerChecks.httpRule(policy);
        assertEquals(2, http.getFrom().size(), "monitoring and ops");
        assertFalse(http.getPorts().stream().anyMatch(p -> "ninep".equals(p.getPort().getStrVal())));
    }

    @Test
    void graceFollowsShutdownValues() {
        Manifests rendered = Chart.render(Map.of(
                "shutdown.timeoutSeconds", 120,
                "shutdown.preStopSleepSeconds", 0));
        StatefulSet statefulSet = statefulSet(rendered);
        Container server = ServerChecks.server(statefulSet);
        assertNull(server.getLifecycle());
        assertEquals("120s", ServerChecks.env(server, "QUARKUS_SHUTDOWN_TIMEOUT").getValue());
        assertEquals("120s", ServerChecks.env(server, "NINEP_SHUTDOWN_TIMEOUT").getValue());
        assertEquals(250L, ServerChecks.pod(statefulSet).getTerminationGracePeriodSeconds());
        ServerChecks.assertGraceCoversDrain(ServerChecks.pod(statefulSet), server);
    }

    @Test
    void jvmHeapShareIsAValue() {
        Manifests rendered = Chart.render(Map.of("jvm.maxRamPercentage", 60));
        ServerChecks.assertJvmSizedFromContainer(ServerChecks.server(statefulSet(rendered)), 60);
    }

    @Test
    void imageTagDefaultsToTheAppVersion() {
        assertEquals("ninep:0.1.0", ServerChecks.server(statefulSet(Chart.render())).getImage());
        Manifests tagged = Chart.render(Map.of("image.repository", "registry.example/ninep", "image.tag", "1.2.3"));
        assertEquals("registry.example/ninep:1.2.3", ServerChecks.server(statefulSet(tagged)).getImage());
    }

    @Test
    void notesPrintTheMountCommandForEachExport() {
        String notes = Chart.renderNotes(TWO_EXPORTS);
        assertTrue(notes.contains(
                "mount -t 9p -o trans=tcp,port=564,version=9p2000.L,msize=1048576 $SERVICE_IP /mnt\n"), notes);
        assertTrue(notes.contains(
                "mount -t 9p -o trans=tcp,port=564,version=9p2000.L,msize=1048576,aname=scratch $SERVICE_IP"),
                notes);
        assertTrue(notes.contains("kubectl get service ninep -n files -o jsonpath='{.spec.clusterIP}'"), notes);
        assertFalse(notes.contains("aname=media"), "media is the default export: " + notes);
    }
}
