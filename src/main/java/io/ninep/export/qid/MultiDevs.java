package io.ninep.export.qid;

import io.ninep.config.ConfigurationException;
import java.util.Locale;

/**
 * What a {@code local} export does with files on another file system than its root's (a mount inside it), key
 * {@code ninep.exports."NAME".multidevs}; the names follow QEMU's 9p option of the same name.
 */
public enum MultiDevs {
    /** Unique qid paths across devices, stable across restarts and replicas (the default). */
    REMAP,
    /** Any qid of another device fails with ENODEV: walking into a mount inside the export is refused. */
    FORBID,
    /** qid.path is the raw inode; the first file of each other device is logged and counted. */
    WARN;

    public static MultiDevs parse(String key, String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(key, "is '" + value + "'; expected remap, forbid or warn");
        }
    }
}
