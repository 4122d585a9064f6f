package io.ninep.posix;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Linux generic errno values: the only error vocabulary 9P2000.L carries (Rlerror ecode). */
public enum Errno {
    EPERM(1), ENOENT(2), ESRCH(3), EINTR(4), EIO(5), ENXIO(6), E2BIG(7), EBADF(9), EAGAIN(11), ENOMEM(12),
    EACCES(13), EFAULT(14), EBUSY(16), EEXIST(17), EXDEV(18), ENODEV(19), ENOTDIR(20), EISDIR(21),
    EINVAL(22), ENFILE(23), EMFILE(24), ENOTTY(25), ETXTBSY(26), EFBIG(27), ENOSPC(28), ESPIPE(29),
    EROFS(30), EMLINK(31), EPIPE(32), ERANGE(34), EDEADLK(35), ENAMETOOLONG(36), ENOLCK(37), ENOSYS(38),
    ENOTEMPTY(39), ELOOP(40), ENODATA(61), EPROTO(71), EBADMSG(74), EOVERFLOW(75), EILSEQ(84),
    EOPNOTSUPP(95), ECONNRESET(104), ENOBUFS(105), ETIMEDOUT(110), ESTALE(116), EDQUOT(122);

    private static final Map<Integer, Errno> BY_NUMBER = new HashMap<>();

    static {
        for (Errno e : values()) {
            BY_NUMBER.put(e.number, e);
        }
    }

    private final int number;

    Errno(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    public static Optional<Errno> of(int number) {
        return Optional.ofNullable(BY_NUMBER.get(number));
    }

    /** Parses a name such as {@code EIO}; used for configuration. */
    public static Optional<Errno> named(String name) {
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
