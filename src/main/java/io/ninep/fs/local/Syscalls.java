package io.ninep.fs.local;

import static io.ninep.fs.local.Linux.O_CLOEXEC;
import static io.ninep.fs.local.Linux.O_NOCTTY;
import static io.ninep.fs.local.Linux.O_PATH;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.LongSupplier;

import io.ninep.fs.FsException;
import io.ninep.fs.FsStats;
import io.ninep.posix.Errno;
import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;
import jnr.ffi.Platform;

/**
 * The system calls of the local backend. Every call that fails with -1 becomes an {@link FsException} here and
 * nowhere else (an errno Linux has but {@link Errno} lacks becomes EIO). Every descriptor is opened close-on-exec.
 * Written for x86_64 Linux: loading fails on anything else.
 */
final class Syscalls {
    private static final int EINTR = Errno.EINTR.number();
    private static final int ERANGE = Errno.ERANGE.number();
    /** XATTR_SIZE_MAX and XATTR_LIST_MAX: the kernel never returns more, so a probe loop ends. */
    private static final int XATTR_MAX = 65536;
    /** sizeof(struct open_how): u64 flags, u64 mode, u64 resolve. */
    private static final long OPEN_HOW_SIZE = 24;
    /** Larger than any path the kernel returns from readlink (PATH_MAX is 4096). */
    private static final int READLINK_MAX = 65536;

    private Syscalls() {
    }

    private static final class Native {
        static final LibC LIBC = load();
        static final jnr.ffi.Runtime RUNTIME = jnr.ffi.Runtime.getRuntime(LIBC);

        private static LibC load() {
            requireSupportedPlatform();
            return LibraryLoader.create(LibC.class).option(LibraryOption.SaveError, Boolean.TRUE).load("c");
        }
    }

    /** Fails with UnsupportedOperationException anywhere but x86_64 Linux. */
    static void requireSupportedPlatform() {
        Platform p = Platform.getNativePlatform();
        if (p.getOS() != Platform.OS.LINUX || p.getCPU() != Platform.CPU.X86_64) {
            throw new UnsupportedOperationException("the local file system backend supports x86_64 Linux only "
                    + "(its struct layouts and O_* values are x86_64's), not " + p.getOS() + "/" + p.getCPU());
        }
    }

    static String procPath(int fd) {
        return "/proc/self/fd/" + fd;
    }

    static int openat2(int dirfd, String path, int flags, int mode, long resolve) {
        long[] how = {flags | O_CLOEXEC | noCtty(flags), mode, resolve};
        long fd = Native.LIBC.syscall(Linux.SYS_OPENAT2, dirfd, cstr(path), how, OPEN_HOW_SIZE);
        return (int) check(fd, "openat2");
    }

    static int openat(int dirfd, String path, int flags, int mode) {
        return check(Native.LIBC.openat(dirfd, cstr(path), flags | O_CLOEXEC | noCtty(flags), mode), "openat");
    }

    /** openat2 rejects O_PATH combined with anything but O_DIRECTORY, O_NOFOLLOW and O_CLOEXEC. */
    private static int noCtty(int flags) {
        return (flags & O_PATH) != 0 ? 0 : O_NOCTTY;
    }

    static int dupCloexec(int fd) {
        return check(Native.LIBC.fcntl(fd, Linux.F_DUPFD_CLOEXEC, 0), "fcntl(F_DUPFD_CLOEXEC)");
    }

    /** Closes {@code fd}; an EINTR is not retried, since Linux has closed the descriptor anyway. */
    static void close(int fd) {
        if (Native.LIBC.close(fd) == -1 && lastError() != EINTR) {
            throw failure("close");
        }
    }

    static Statx statx(int dirfd, String path, int flags) {
        byte[] buf = new byte[Statx.SIZE];
        check(Native.LIBC.statx(dirfd, cstr(path), flags, Linux.STATX_BASIC_STATS | Linux.STATX_BTIME, buf),
                "statx");
        return Statx.decode(buf);
    }

    static void mkdirat(int dirfd, String name, int mode) {
        check(Native.LIBC.mkdirat(dirfd, cstr(name), mode), "mkdirat");
    }

    static void mknodat(int dirfd, String name, int mode, long dev) {
        check(Native.LIBC.mknodat(dirfd, cstr(name), mode, dev), "mknodat");
    }

    static void symlinkat(String target, int dirfd, String name) {
        check(Native.LIBC.symlinkat(cstr(target), dirfd, cstr(name)), "symlinkat");
    }

    static String readlinkat(int dirfd, String path) {
        byte[] p = cstr(path);
        for (int size = 512; size <= READLINK_MAX; size *= 2) {
            byte[] buf = new byte[size];
            long n = check(Native.LIBC.readlinkat(dirfd, p, buf, size), "readlinkat");
            if (n < size) {
                return new String(buf, 0, (int) n, StandardCharsets.UTF_8);
            }
        }
        throw new FsException(Errno.ENAMETOOLONG, "readlinkat: target longer than " + READLINK_MAX);
    }

    static void linkat(int oldDirfd, String oldPath, int newDirfd, String newPath, int flags) {
        check(Native.LIBC.linkat(oldDirfd, cstr(oldPath), newDirfd, cstr(newPath), flags), "linkat");
    }

    static void renameat2(int oldDirfd, String oldName, int newDirfd, String newName, int flags) {
        check(Native.LIBC.renameat2(oldDirfd, cstr(oldName), newDirfd, cstr(newName), flags), "renameat2");
    }

    static void unlinkat(int dirfd, String name, int flags) {
        check(Native.LIBC.unlinkat(dirfd, cstr(name), flags), "unlinkat");
    }

    static void fchmodat(int dirfd, String path, int mode, int flags) {
        check(Native.LIBC.fchmodat(dirfd, cstr(path), mode, flags), "fchmodat");
    }

    static void fchownat(int dirfd, String path, int uid, int gid, int flags) {
        check(Native.LIBC.fchownat(dirfd, cstr(path), uid, gid, flags), "fchownat");
    }

    /** {@code times}: atime seconds, atime nanoseconds, mtime seconds, mtime nanoseconds (UTIME_NOW/OMIT allowed). */
    static void utimensat(int dirfd, String path, long[] times, int flags) {
        check(Native.LIBC.utimensat(dirfd, cstr(path), times, flags), "utimensat");
    }

    static void truncate(String path, long length) {
        check(Native.LIBC.truncate(cstr(path), length), "truncate");
    }

    static FsStats fstatfs(int fd) {
        byte[] buf = new byte[StatfsLayout.SIZE];
        check(Native.LIBC.fstatfs(fd, buf), "fstatfs");
        return StatfsLayout.decode(buf);
    }

    /** Reads into {@code dst} from its position to its limit and advances the position by the count read. */
    static int pread(int fd, ByteBuffer dst, long offset) {
        int count = dst.remaining();
        int n = (int) retrying(() -> Native.LIBC.pread(fd, dst, count, offset), "pread");
        dst.position(dst.position() + n);
        return n;
    }

    /** read(2), for FIFOs, which have no offsets (pread answers ESPIPE). */
    static int read(int fd, ByteBuffer dst) {
        int count = dst.remaining();
        int n = (int) retrying(() -> Native.LIBC.read(fd, dst, count), "read");
        dst.position(dst.position() + n);
        return n;
    }

    /** Writes {@code src} from its position to its limit at {@code offset}; advances the position. */
    static int pwrite(int fd, ByteBuffer src, long offset) {
        ByteBuffer passed = passable(src);
        int count = passed.remaining();
        int n = (int) retrying(() -> Native.LIBC.pwrite(fd, passed, count, offset), "pwrite");
        src.position(src.position() + n);
        return n;
    }

    /** write(2), for FIFOs and O_APPEND descriptors, where Linux's pwrite would ignore the offset anyway. */
    static int write(int fd, ByteBuffer src) {
        ByteBuffer passed = passable(src);
        int count = passed.remaining();
        int n = (int) retrying(() -> Native.LIBC.write(fd, passed, count), "write");
        src.position(src.position() + n);
        return n;
    }

    /** A read-only heap buffer exposes no array for jnr-ffi to pass, so only it is copied. */
    private static ByteBuffer passable(ByteBuffer src) {
        if (src.isDirect() || src.hasArray()) {
            return src;
        }
        ByteBuffer copy = ByteBuffer.allocate(src.remaining());
        copy.put(src.duplicate()).flip();
        return copy;
    }

    static void fsync(int fd) {
        retrying(() -> Native.LIBC.fsync(fd), "fsync");
    }

    static void fdatasync(int fd) {
        retrying(() -> Native.LIBC.fdatasync(fd), "fdatasync");
    }

    /** Fills {@code buf} (from position 0) with {@code struct linux_dirent64} records; 0 at the end. */
    static int getdents64(int fd, ByteBuffer buf) {
        return (int) retrying(() -> Native.LIBC.getdents64(fd, buf, buf.capacity()), "getdents64");
    }

    static void lseek(int fd, long offset, int whence) {
        check(Native.LIBC.lseek(fd, offset, whence), "lseek");
    }

    /** getxattr(2) on a path; sizes the buffer by probing, again when the value grows meanwhile (ERANGE). */
    static byte[] getxattr(String path, String name) {
        byte[] p = cstr(path);
        byte[] n = cstr(name);
        while (true) {
            long size = check(Native.LIBC.getxattr(p, n, null, 0), "getxattr");
            byte[] value = new byte[(int) Math.min(size, XATTR_MAX)];
            long got = Native.LIBC.getxattr(p, n, value, value.length);
            if (got >= 0) {
                return got == value.length ? value : Arrays.copyOf(value, (int) got);
            }
            if (lastError() != ERANGE) {
                throw failure("getxattr");
            }
        }
    }

    /** listxattr(2) on a path: the names, each NUL-terminated. Sized like {@link #getxattr}. */
    static byte[] listxattr(String path) {
        byte[] p = cstr(path);
        while (true) {
            long size = check(Native.LIBC.listxattr(p, null, 0), "listxattr");
            byte[] list = new byte[(int) Math.min(size, XATTR_MAX)];
            long got = Native.LIBC.listxattr(p, list, list.length);
            if (got >= 0) {
                return got == list.length ? list : Arrays.copyOf(list, (int) got);
            }
            if (lastError() != ERANGE) {
                throw failure("listxattr");
            }
        }
    }

    static void setxattr(String path, String name, byte[] value, int flags) {
        check(Native.LIBC.setxattr(cstr(path), cstr(name), value, value.length, flags), "setxattr");
    }

    static void removexattr(String path, String name) {
        check(Native.LIBC.removexattr(cstr(path), cstr(name)), "removexattr");
    }

    static int geteuid() {
        return Native.LIBC.geteuid();
    }

    /** A NUL-terminated UTF-8 copy; an embedded NUL would silently cut the string short, so it is refused. */
    private static byte[] cstr(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new FsException(Errno.EINVAL, "NUL in a path or name");
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(utf8, utf8.length + 1);
    }

    private static int check(int rc, String op) {
        if (rc == -1) {
            throw failure(op);
        }
        return rc;
    }

    private static long check(long rc, String op) {
        if (rc == -1) {
            throw failure(op);
        }
        return rc;
    }

    /** Retries a call interrupted by a signal before it transferred anything (EINTR). */
    private static long retrying(LongSupplier call, String op) {
        while (true) {
            long rc = call.getAsLong();
            if (rc != -1) {
                return rc;
            }
            if (lastError() != EINTR) {
                throw failure(op);
            }
        }
    }

    private static int lastError() {
        return Native.RUNTIME.getLastError();
    }

    private static FsException failure(String op) {
        return exception(op, lastError());
    }

    /** The errno of a failed call as an FsException; one Errno does not know becomes EIO. */
    static FsException exception(String op, int errno) {
        Errno known = Errno.of(errno).orElse(null);
        return known != null ? new FsException(known, op + ": " + known.name())
                : new FsException(Errno.EIO, op + ": errno " + errno + " (reported as EIO)");
    }
}
