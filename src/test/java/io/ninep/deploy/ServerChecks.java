package io.ninep.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What every ninep server deployment must get right, checked alike on the chart and the plain manifests. */
final class ServerChecks {

    static final String CONTAINER = "ninep";
    static final String NINEP_PORT = "ninep";
    static final String HTTP_PORT = "http";

    private ServerChecks() {}

    static PodSpec pod(StatefulSet statefulSet) {
        return statefulSet.getSpec().getTemplate().getSpec();
    }

    static Container server(StatefulSet statefulSet) {
        return pod(statefulSet).getContainers().stream()
                .filter(c -> CONTAINER.equals(c.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container named " + CONTAINER));
    }

    static void assertContainerPorts(Container server, int ninep, int http) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (ContainerPort p : server.getPorts()) {
            assertEquals("TCP", p.getProtocol(), p.getName());
            ports.put(p.getName(), p.getContainerPort());
        }
        assertEquals(Map.of(NINEP_PORT, ninep, HTTP_PORT, http), ports);
    }

    static void assertHealthProbes(Container server) {
        assertHttpProbe(server.getStartupProbe(), "/q/health/started");
        assertHttpProbe(server.getLivenessProbe(), "/q/health/live");
        assertHttpProbe(server.getReadinessProbe(), "/q/health/ready");
    }

    private static void assertHttpProbe(Probe probe, String path) {
        assertNotNull(probe, path);
        assertEquals(path, probe.getHttpGet().getPath());
        assertEquals(new IntOrString(HTTP_PORT), probe.getHttpGet().getPort());
    }

    /** Non-root, no privilege escalation, read-only root, every capability dropped. */
    static void assertHardened(PodSpec pod, Container server) {
        PodSecurityContext podContext = pod.getSecurityContext();
        SecurityContext context = server.getSecurityContext();
        assertEquals(Boolean.TRUE, context.getRunAsNonRoot());
        assertEquals(Boolean.TRUE, podContext.getRunAsNonRoot());
        assertNotEquals(0L, effectiveUid(podContext, context));
        assertEquals(Boolean.FALSE, context.getAllowPrivilegeEscalation());
        assertEquals(Boolean.TRUE, context.getReadOnlyRootFilesystem());
        assertEquals(List.of("ALL"), context.getCapabilities().getDrop());
        assertTrue(context.getCapabilities().getAdd() == null || context.getCapabilities().getAdd().isEmpty());
        assertNull(context.getPrivileged());
        assertNotNull(podContext.getFsGroup(), "fsGroup makes the export volume writable by the server");
        assertEquals("RuntimeDefault", podContext.getSeccompProfile().getType());
        assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken());
        assertEquals(Boolean.FALSE, pod.getEnableServiceLinks(),
                "a Service named ninep would inject NINEP_PORT=tcp://..., read as ninep.port");
    }

    static long effectiveUid(PodSecurityContext pod, SecurityContext container) {
        Long uid = Optional.ofNullable(container.getRunAsUser()).orElse(pod.getRunAsUser());
        assertNotNull(uid, "a numeric uid, so that runAsNonRoot can be checked by the kubelet");
        return uid;
    }

    /** A non-root server binding a port below 1024 needs the safe sysctl, not a capability. */
    static void assertMayBindPort(PodSpec pod, int ninepPort) {
        if (ninepPort >= 1024) {
            return;
        }
        String start = pod.getSecurityContext().getSysctls().stream()
                .filter(s -> "net.ipv4.ip_unprivileged_port_start".equals(s.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no net.ipv4.ip_unprivileged_port_start sysctl"))
                .getValue();
        assertTrue(Integer.parseInt(start) <= ninepPort, start);
    }

    /** /tmp is the only writable place besides the exports: an emptyDir. */
    static void assertScratchOnlyInTmp(PodSpec pod, Container server) {
        VolumeMount tmp = mount(server, "/tmp");
        assertNotNull(volume(pod, tmp.getName()).getEmptyDir());
        for (VolumeMount m : server.getVolumeMounts()) {
            assertTrue(m.getMountPath().equals("/tmp") || m.getMountPath().startsWith("/exports/"),
                    m.getMountPath());
        }
    }

    static VolumeMount mount(Container server, String path) {
        return server.getVolumeMounts().stream()
                .filter(m -> path.equals(m.getMountPath()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + path));
    }

    static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream()
                .filter(v -> name.equals(v.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    static void assertAdminTokenFromSecret(Container server, String secret, String key) {
        SecretKeySelector ref = env(server, "NINEP_ADMIN_TOKEN").getValueFrom().getSecretKeyRef();
        assertEquals(secret, ref.getName());
        assertEquals(key, ref.getKey());
    }

    static EnvVar env(Container server, String name) {
        return server.getEnv().stream()
                .filter(e -> name.equals(e.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name));
    }

    /** Literal env values only (valueFrom entries are resolved by the kubelet). */
    static Map<String, String> literalEnv(Container server) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar e : server.getEnv()) {
            if (e.getValueFrom() == null) {
                env.put(e.getName(), e.getValue());
            }
        }
        return env;
    }

    /** Heap from the container memory limit, and an OOM ends the JVM so that Kubernetes restarts it. */
    static void assertJvmSizedFromContainer(Container server, int percent) {
        String options = env(server, "JAVA_OPTS_APPEND").getValue();
        assertTrue(options.contains("-XX:MaxRAMPercentage=" + percent), options);
        assertTrue(options.contains("-XX:+ExitOnOutOfMemoryError"), options);
        assertNotNull(server.getResources().getLimits().get("memory"));
        assertNotNull(server.getResources().getRequests().get("memory"));
        assertNotNull(server.getResources().getRequests().get("cpu"));
    }

    /**
     * Before SIGKILL the pod gets its preStop pause, then Quarkus's HTTP drain (quarkus.shutdown.timeout) and
     * the 9P drain (ninep.shutdown-timeout), which run one after the other.
     */
    static void assertGraceCoversDrain(PodSpec pod, Container server) {
        long drain = seconds(env(server, "QUARKUS_SHUTDOWN_TIMEOUT").getValue())
                + seconds(env(server, "NINEP_SHUTDOWN_TIMEOUT").getValue());
        long preStop = server.getLifecycle() == null ? 0
                : server.getLifecycle().getPreStop().getSleep().getSeconds();
        assertTrue(pod.getTerminationGracePeriodSeconds() > preStop + drain,
                () -> "grace " + pod.getTerminationGracePeriodSeconds() + " s for " + preStop + " + " + drain + " s");
    }

    private static long seconds(String quarkusDuration) {
        return Duration.parse("PT" + quarkusDuration.toUpperCase()).toSeconds();
    }

    static void assertCarriesOnly9p(Service service, int port) {
        List<ServicePort> ports = service.getSpec().getPorts();
        assertEquals(1, ports.size(), () -> service.getMetadata().getName() + " " + ports);
        assertEquals(port, ports.get(0).getPort());
        assertEquals(new IntOrString(NINEP_PORT), ports.get(0).getTargetPort());
    }

    static void assertCarriesOnlyHttp(Service service, int port) {
        List<ServicePort> ports = service.getSpec().getPorts();
        assertEquals(1, ports.size(), () -> service.getMetadata().getName() + " " + ports);
        assertEquals(port, ports.get(0).getPort());
        assertEquals(new IntOrString(HTTP_PORT), ports.get(0).getTargetPort());
    }

    /** Some rule opens 9P to everyone; the HTTP port is opened only together with a source. */
    static void assertNinepOpenHttpRestricted(NetworkPolicy policy) {
        assertEquals(List.of("Ingress"), policy.getSpec().getPolicyTypes());
        List<NetworkPolicyIngressRule> rules = policy.getSpec().getIngress();
        assertTrue(rules.stream().anyMatch(r -> opens(r, NINEP_PORT) && (r.getFrom() == null || r.getFrom().isEmpty())),
                "9P open to every client");
        for (NetworkPolicyIngressRule rule : rules) {
            assertNotNull(rule.getPorts(), "a rule without ports opens every port");
            if (opens(rule, HTTP_PORT)) {
                assertFalse(rule.getFrom() == null || rule.getFrom().isEmpty(), "HTTP open to everyone");
                assertFalse(opens(rule, NINEP_PORT), "9P and HTTP share one rule");
            }
        }
    }

    static NetworkPolicyIngressRule httpRule(NetworkPolicy policy) {
        return policy.getSpec().getIngress().stream()
                .filter(r -> opens(r, HTTP_PORT))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no rule for the HTTP port"));
    }

    static NetworkPolicyIngressRule ninepRule(NetworkPolicy policy) {
        return policy.getSpec().getIngress().stream()
                .filter(r -> opens(r, NINEP_PORT))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no rule for the 9P port"));
    }

    private static boolean opens(NetworkPolicyIngressRule rule, String portName) {
        return rule.getPorts() != null && rule.getPorts().stream()
                .map(NetworkPolicyPort::getPort)
                .anyMatch(p -> new IntOrString(portName).equals(p));
    }
}
