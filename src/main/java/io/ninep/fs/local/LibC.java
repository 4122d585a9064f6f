package io.ninep.fs.local;

import java.nio.ByteBuffer;

import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.Pinned;
import jnr.ffi.annotations.Variadic;

/**
 * The glibc functions the local backend calls (glibc 2.30 or later: statx, renameat2, getdents64). Paths and
 * names are NUL-terminated byte arrays so their encoding (UTF-8) is ours, not the JVM's default charset. Only
 * {@link Syscalls} uses this interface; it is public only because jnr-ffi's generated implementation must see it.
 */
public interface LibC {
    /** syscall(2), used for openat2, which glibc does not wrap; {@code how} is {@code struct open_how}. */
    @Variadic(fixedCount = 1)
    long syscall(long number, long dirfd, @In byte[] path, @In long[] how, long size);

    @Variadic(fixedCount = 3)
    int openat(int dirfd, @In byte[] path, int flags, int mode);

    int statx(int dirfd, @In byte[] path, int flags, int mask, @Out byte[] statx);

    int mkdirat(int dirfd, @In byte[] path, int mode);

    int mknodat(int dirfd, @In byte[] path, int mode, long dev);

    int symlinkat(@In byte[] target, int dirfd, @In byte[] path);

    long readlinkat(int dirfd, @In byte[] path, @Out byte[] buf, long size);

    int linkat(int oldDirfd, @In byte[] oldPath, int newDirfd, @In byte[] newPath, int flags);

    int renameat2(int oldDirfd, @In byte[] oldPath, int newDirfd, @In byte[] newPath, int flags);

    int unlinkat(int dirfd, @In byte[] path, int flags);

    int fchmodat(int dirfd, @In byte[] path, int mode, int flags);

    int fchownat(int dirfd, @In byte[] path, int uid, int gid, int flags);

    /** {@code times} is {@code struct timespec[2]}: atime seconds, nanoseconds, mtime seconds, nanoseconds. */
    int utimensat(int dirfd, @In byte[] path, @In long[] times, int flags);

    int truncate(@In byte[] path, long length);

    int fstatfs(int fd, @Out byte[] statfs);

    long read(int fd, @Out ByteBuffer buf, long count);

    long pread(int fd, @Out ByteBuffer buf, long count, long offset);

    /** Pinned: the data is passed in place, not copied to native memory (a short GC-locker section). */
    long pwrite(int fd, @Pinned @In ByteBuffer buf, long count, long offset);

    long write(int fd, @Pinned @In ByteBuffer buf, long count);

    int fsync(int fd);

    int fdatasync(int fd);

    long getdents64(int fd, @Out ByteBuffer buf, long count);

    long lseek(int fd, long offset, int whence);

    long getxattr(@In byte[] path, @In byte[] name, @Out byte[] value, long size);

    int setxattr(@In byte[] path, @In byte[] name, @In byte[] value, long size, int flags);

    long listxattr(@In byte[] path, @Out byte[] list, long size);

    int removexattr(@In byte[] path, @In byte[] name);

    int close(int fd);

    @Variadic(fixedCount = 2)
    int fcntl(int fd, int cmd, int arg);

    int geteuid();
}
