package io.ninep.export.qid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Stable device identities from {@code /proc/self/mountinfo} (proc(5)): a device is named by where it is mounted
 * relative to the export root, "/" plus the relative path ("/data", "/a/b"). A remount, another boot or another
 * pod gives the device another st_dev but the same mount point, so replicas that mount the same volume the same
 * way agree. A device mounted at several places inside the export is named by the shortest, then smallest one.
 */
final class MountInfo {
    private static final Path PROC = Path.of("/proc/self/mountinfo");
    private static final Comparator<String> PREFERENCE =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private MountInfo() {
    }

    /** st_dev → identity of every device mounted strictly below {@code exportRoot} (a real path). */
    static Map<Long, String> scan(Path exportRoot) {
        try {
            return parse(Files.readString(PROC, StandardCharsets.UTF_8), exportRoot.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PROC, e);
        }
    }

    /** Lines are "id parent major:minor root mountpoint options..."; the mount point is octal-escaped. */
    static Map<Long, String> parse(String mountinfo, String exportRoot) {
        String base = exportRoot.endsWith("/") ? exportRoot : exportRoot + "/";
        Map<Long, String> out = new HashMap<>();
        for (String line : mountinfo.split("\n")) {
            String[] f = line.split(" ");
            if (f.length < 5) {
                continue;
            }
            String mountPoint = unescape(f[4]);
            int colon = f[2].indexOf(':');
            if (colon < 0 || !mountPoint.startsWith(base) || mountPoint.length() == base.length()) {
                continue;
            }
            long dev = makedev(Long.parseLong(f[2].substring(0, colon)), Long.parseLong(f[2].substring(colon + 1)));
            String identity = mountPoint.substring(base.length() - 1);
            out.merge(dev, identity, (a, b) -> PREFERENCE.compare(a, b) <= 0 ? a : b);
        }
        return out;
    }

    /** glibc's makedev, the st_dev encoding the local backend reports. */
    static long makedev(long major, long minor) {
        return ((major & 0xfffL) << 8) | ((major & 0xfffff000L) << 32) | (minor & 0xffL) | ((minor & 0xffffff00L) << 12);
    }

    static String majorMinor(long dev) {
        long major = ((dev >>> 8) & 0xfffL) | ((dev >>> 32) & 0xfffff000L);
        long minor = (dev & 0xffL) | ((dev >>> 12) & 0xffffff00L);
        return major + ":" + minor;
    }

    /** Undoes the kernel's escaping of space, tab, newline and backslash as \ooo. */
    private static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] raw = field.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\\' && i + 3 < raw.length && isOctal(raw[i + 1]) && isOctal(raw[i + 2])
                    && isOctal(raw[i + 3])) {
                out.write((raw[i + 1] - '0') * 64 + (raw[i + 2] - '0') * 8 + (raw[i + 3] - '0'));
                i += 3;
            } else {
                out.write(raw[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isOctal(byte b) {
        return b >= '0' && b <= '7';
    }
}
