package io.ninep.server;

import io.ninep.fs.FsException;
import io.ninep.posix.Errno;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.jboss.logging.Logger;

/** The one place where a failure becomes a Linux errno for Rlerror. Never 0, never EINTR for a cancel. */
public final class ErrnoMapper {
    private static final Logger LOG = Logger.getLogger(ErrnoMapper.class);

    private ErrnoMapper() {
    }

    public static Errno toErrno(Throwable t) {
        if (t instanceof FsException) {
            return ((FsException) t).errno();
        }
        if (t instanceof NoSuchFileException || t instanceof FileNotFoundException) {
            return Errno.ENOENT;
        }
        if (t instanceof FileAlreadyExistsException) {
            return Errno.EEXIST;
        }
        if (t instanceof DirectoryNotEmptyException) {
            return Errno.ENOTEMPTY;
        }
        if (t instanceof NotDirectoryException) {
            return Errno.ENOTDIR;
        }
        if (t instanceof AccessDeniedException || t instanceof SecurityException) {
            return Errno.EACCES;
        }
        if (t instanceof OutOfMemoryError) {
            return Errno.ENOMEM;
        }
        if (t instanceof java.util.concurrent.RejectedExecutionException) {
            return Errno.EAGAIN;
        }
        if (t instanceof IOException) {
            return Errno.EIO;
        }
        LOG.errorf(t, "unexpected failure mapped to EIO");
        return Errno.EIO;
    }
}
