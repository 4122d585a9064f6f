package io.ninep.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ninep.export.Export;
import io.ninep.export.ExportPolicy;
import io.ninep.export.InodeQidMapper;
import io.ninep.fs.FileSystem;
import io.ninep.fs.FsException;
import io.ninep.fs.memory.MemoryFileSystem;
import io.ninep.posix.Errno;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExportsReadinessTest {
    private final MemoryFileSystem memory = new MemoryFileSystem("mem", 1 << 20);

    @AfterEach
    void close() {
        memory.close();
    }

    @Test
    void readyWhenBoundAndEveryRootAnswersGetattr() {
        HealthCheckResponse r = ExportsReadiness.check(5640, false, List.of(export("mem", memory)));

        assertEquals(HealthCheckResponse.Status.UP, r.getStatus());
        assertEquals("ok", r.getData().orElseThrow().get("export mem"));
    }

    @Test
    void notReadyBeforeTheListenerIsBound() {
        assertEquals(HealthCheckResponse.Status.DOWN,
                ExportsReadiness.check(-1, false, List.of(export("mem", memory))).getStatus());
    }

    @Test
    void notReadyOnceShutdownBegins() {
        HealthCheckResponse r = ExportsReadiness.check(5640, true, List.of(export("mem", memory)));

        assertEquals(HealthCheckResponse.Status.DOWN, r.getStatus());
        assertEquals(true, r.getData().orElseThrow().get("shutting-down"));
    }

    @Test
    void notReadyWhenAnExportRootIsUnreachable() {
        HealthCheckResponse r = ExportsReadiness.check(5640, false,
                List.of(export("mem", memory), export("gone", unreachable())));

        assertEquals(HealthCheckResponse.Status.DOWN, r.getStatus());
        assertEquals("ok", r.getData().orElseThrow().get("export mem"));
        assertTrue(String.valueOf(r.getData().orElseThrow().get("export gone")).contains("stale"));
    }

    private static Export export(String name, FileSystem fs) {
        return new Export(name, "memory", name, fs, new ExportPolicy(false, Map.of()), new InodeQidMapper());
    }

    /** A backend whose root has gone away (an unmounted or deleted export directory). */
    private static FileSystem unreachable() {
        return (FileSystem) Proxy.newProxyInstance(FileSystem.class.getClassLoader(), new Class<?>[] {FileSystem.class},
                (proxy, method, args) -> {
                    throw new FsException(Errno.ESTALE, "export root is stale");
                });
    }
}
