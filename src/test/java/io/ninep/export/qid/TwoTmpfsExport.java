package io.ninep.export.qid;

import io.ninep.fs.FileId;
import io.ninep.fs.FileSystem;
import io.ninep.fs.Node;
import io.ninep.fs.local.LocalFileSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A temp directory to export with two tmpfs file systems mounted inside it, at {@code t1} and {@code t2}: fresh
 * tmpfs instances number their inodes alike, so {@code t1/f} and {@code t2/f} share an inode number. Mounting
 * needs root (as here and in CI); elsewhere the test is skipped with a message saying why.
 */
final class TwoTmpfsExport implements AutoCloseable {
    final Path root;
    final Path t1;
    final Path t2;
    private final List<Path> mounted = new ArrayList<>();

    private TwoTmpfsExport(Path root) {
        this.root = root;
        this.t1 = root.resolve("t1");
        this.t2 = root.resolve("t2");
    }

    static TwoTmpfsExport create() throws IOException, InterruptedException {
        TwoTmpfsExport e = new TwoTmpfsExport(Files.createTempDirectory("ninep-qid").toRealPath());
        e.mount("t1");
        e.mount("t2");
        return e;
    }

    /** Mounts a fresh tmpfs at {@code name} in the export root (unmounted by {@link #close}). */
    Path mount(String name) throws IOException, InterruptedException {
        Path dir = root.resolve(name);
        Files.createDirectories(dir);
        String failure = run("mount", "-t", "tmpfs", "-o", "size=4m", "none", dir.toString());
        if (failure != null) {
            close();
            Assumptions.abort("SKIPPED: cannot mount tmpfs inside a test export (needs root / CAP_SYS_ADMIN): "
                    + failure);
        }
        mounted.add(dir);
        return dir;
    }

    LocalFileSystem open() {
        return LocalFileSystem.open(root, "qid-test");
    }

    /** The id of the file at {@code relative} (slash-separated), walked name by name from the root. */
    static FileId id(FileSystem fs, String relative) {
        Node n = fs.root();
        for (String name : relative.split("/")) {
            if (name.isEmpty()) {
                continue;
            }
            Node next = fs.walk(n, name);
            n.close();
            n = next;
        }
        FileId id = n.id();
        n.close();
        return id;
    }

    /** Creates {@code relative} (and its parents) on the host with some content. */
    Path file(String relative) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, relative, StandardCharsets.UTF_8);
        return p;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (Path dir : mounted) {
            String failure = run("umount", dir.toString());
            if (failure != null) {
                throw new IOException("cannot unmount " + dir + ": " + failure);
            }
        }
        mounted.clear();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Runs a command; null on success, else its exit code and output. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int rc = p.waitFor();
        return rc == 0 ? null : "exit " + rc + ": " + out;
    }
}
