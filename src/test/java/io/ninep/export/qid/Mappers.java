package io.ninep.export.qid;

import io.ninep.fs.FileId;
import io.ninep.fs.FileType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Remap mappers as the tests need them: over a table file, with a real or an injected device-identity source. */
final class Mappers {
    private Mappers() {
    }

    /** A mapper whose devices are identified by the real mount table under {@code exportRoot}. */
    static RemapQidMapper real(Path exportRoot, long rootDevice, Path table, long maxEntries) {
        return new RemapQidMapper("qid-test", rootDevice,
                new DeviceIdentities(rootDevice, () -> MountInfo.scan(exportRoot)), new TableStore(table),
                maxEntries, Clock.systemUTC());
    }

    /** A mapper that believes the devices {@code mounts} (st_dev → identity) are mounted in its export. */
    static RemapQidMapper injected(long rootDevice, Map<Long, String> mounts, Path table, long maxEntries) {
        return new RemapQidMapper("qid-test", rootDevice, new DeviceIdentities(rootDevice, () -> mounts),
                table == null ? null : new TableStore(table), maxEntries, Clock.systemUTC());
    }

    static FileId file(long dev, long inode) {
        return new FileId(FileType.REGULAR, dev, inode, 0);
    }
}
