package io.ninep.fs.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.ninep.fs.FsException;
import io.ninep.fs.Node;
import io.ninep.posix.Errno;

@ExtendWith(FdLeakCheck.class)
class OpenExportTest {
    @TempDir
    Path tmp;

    @Test
    void missingExportDirectoryIsCreated() throws Exception {
        Path root = tmp.resolve("a/b/export");
        try (LocalFileSystem fs = LocalFileSystem.open(root, "data"); Node node = fs.root()) {
            assertTrue(Files.isDirectory(root));
            assertEquals(((Number) Files.getAttribute(root, "unix:ino")).longValue(), node.id().inode());
            assertEquals("LocalFileSystem[data]", fs.toString());
        }
    }

    @Test
    void exportThatIsAFileIsRefusedClearly() throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LocalFileSystem.open(file, "data"));
        assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
    }

    @Test
    void exportPathThroughASymlinkServesItsTarget() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        try (LocalFileSystem fs = LocalFileSystem.open(link, "data"); Node node = fs.root()) {
            assertEquals(((Number) Files.getAttribute(real, "unix:ino")).longValue(), node.id().inode());
        }
    }

    @Test
    void closeIsIdempotent() {
        LocalFileSystem fs = LocalFileSystem.open(tmp, "data");
        fs.close();
        fs.close();
    }

    @Test
    void errnoUnknownToTheProtocolBecomesEio() {
        FsException notSock = Syscalls.exception("sendmsg", 88);
        assertEquals(Errno.EIO, notSock.errno());
        assertTrue(notSock.getMessage().contains("88"));
        assertEquals(Errno.ENOENT, Syscalls.exception("openat", 2).errno());
    }

    @Test
    void fallbackIsUsedWhenForced() throws Exception {
        try (LocalFileSystem fs = LocalFileSystem.open(tmp, "data", new Tuning(false, true))) {
            assertEquals(false, fs.usesOpenat2());
        }
        try (LocalFileSystem fs = LocalFileSystem.open(tmp, "data")) {
            assertEquals(true, fs.usesOpenat2(), "this kernel has openat2");
        }
    }
}
