package io.ninep.fs.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class whose tests leave descriptors open: the number of entries in /proc/self/fd after the class
 * must equal the number before it. Loading the backend (libc, jnr-ffi's jars) opens descriptors once, so the
 * baseline is taken after a file system was opened and closed.
 */
final class FdLeakCheck implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FdLeakCheck.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path warm = Files.createTempDirectory("fdwarm");
        try (LocalFs t = LocalFs.in(warm)) {
            t.write("f", "x");
            t.fs.getattr(t.walk("f"));
        }
        try (Stream<Path> all = Files.walk(warm)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        context.getStore(NS).put("baseline", count());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        long baseline = context.getStore(NS).get("baseline", Long.class);
        assertEquals(baseline, count(), "descriptors open in /proc/self/fd after " + context.getDisplayName());
    }

    static long count() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
