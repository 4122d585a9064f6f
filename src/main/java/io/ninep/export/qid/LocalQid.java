package io.ninep.export.qid;

import io.ninep.fs.FileSystem;
import io.ninep.fs.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;

/** Builds what a {@code local} export serves: its file system (hiding the table) and its qid mapper. */
public final class LocalQid {
    private LocalQid() {
    }

    /** The file system to serve and the mapper for its qids. */
    public record Wiring(FileSystem fileSystem, ExportQidMapper mapper) {
    }

    /**
     * Takes ownership of {@code fs}: on failure it is closed. The table is loaded before this returns.
     *
     * @param exportRoot the directory {@code fs} serves, absolute and normalized
     */
    public static Wiring wire(String export, QidSettings settings, Path exportRoot, FileSystem fs) {
        try {
            long rootDevice;
            try (Node root = fs.root()) {
                rootDevice = root.id().device();
            }
            FileSystem served = settings.hiddenName(exportRoot)
                    .<FileSystem>map(name -> new HiddenEntryFileSystem(fs, name)).orElse(fs);
            return new Wiring(served, mapper(export, settings, exportRoot, rootDevice));
        } catch (RuntimeException e) {
            fs.close();
            throw e;
        }
    }

    private static ExportQidMapper mapper(String export, QidSettings settings, Path exportRoot, long rootDevice) {
        if (settings.multidevs() != MultiDevs.REMAP) {
            return new SingleDeviceQidMapper(export, rootDevice, settings.multidevs());
        }
        Path realRoot;
        try {
            realRoot = exportRoot.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + exportRoot, e);
        }
        DeviceIdentities identities = new DeviceIdentities(rootDevice, () -> MountInfo.scan(realRoot));
        RemapQidMapper mapper = new RemapQidMapper(export, rootDevice, identities,
                settings.table().map(TableStore::new).orElse(null), settings.maxEntries(), Clock.systemUTC());
        mapper.start();
        return mapper;
    }
}
