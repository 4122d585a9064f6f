package io.ninep.export.qid;

import io.ninep.fs.FileId;
import io.ninep.fs.FsException;
import io.ninep.posix.Errno;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * {@code multidevs=forbid} and {@code warn}: qid.path is the raw inode, which is unique only on the export
 * root's device. Under {@code forbid} a file of any other device gets ENODEV (the error QEMU's 9p server gives
 * for the same policy; "no such device" also reads right in `ls`), so every walk into a mount inside the export
 * fails and its files are never seen. Under {@code warn} it gets its raw inode, which may collide. Either way
 * the first file of each other device is logged, and the devices are counted. No table, nothing saved.
 */
public final class SingleDeviceQidMapper implements ExportQidMapper {
    private static final Logger LOG = Logger.getLogger(SingleDeviceQidMapper.class);

    private final String export;
    private final long rootDevice;
    private final MultiDevs mode;
    private final Set<Long> foreign = ConcurrentHashMap.newKeySet();

    SingleDeviceQidMapper(String export, long rootDevice, MultiDevs mode) {
        if (mode == MultiDevs.REMAP) {
            throw new IllegalArgumentException("remap is RemapQidMapper's");
        }
        this.export = export;
        this.rootDevice = rootDevice;
        this.mode = mode;
    }

    @Override
    public long path(FileId id) {
        long dev = id.device();
        if (dev != rootDevice) {
            if (foreign.add(dev)) {
                LOG.warnf("export %s (multidevs=%s): device %s is mounted inside the export; %s", export,
                        mode.name().toLowerCase(Locale.ROOT), MountInfo.majorMinor(dev),
                        mode == MultiDevs.FORBID ? "its files are refused with ENODEV"
                                : "its files get raw inode numbers as qid paths, which may collide with others");
            }
            if (mode == MultiDevs.FORBID) {
                throw new FsException(Errno.ENODEV, "another device than the export root's (multidevs=forbid)");
            }
        }
        return id.inode();
    }

    @Override
    public QidTableStatus status() {
        return new QidTableStatus(export, mode, Optional.empty(), QidTableStatus.Persistence.NONE, 0, 0, 0, 0, 0,
                0, Optional.empty(), 0, 0, 0, 0, 0, 0, 0, foreign.size(), List.of());
    }

    @Override
    public void close() {
    }
}
