package io.ninep.export.qid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MountInfoTest {
    private static final String SAMPLE = String.join("\n",
            "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw",
            "40 22 0:39 / /srv/export/t1 rw,relatime - tmpfs none rw",
            "41 22 0:40 / /srv/export/with\\040space rw,relatime - tmpfs none rw",
            "42 22 0:41 / /srv/exported rw - tmpfs none rw",
            "43 22 0:42 / /srv/export rw - tmpfs none rw",
            "44 22 259:3 /sub /srv/export/b/deeper rw - xfs /dev/nvme0n1p3 rw",
            "45 22 259:3 /sub /srv/export/a rw - xfs /dev/nvme0n1p3 rw",
            "46 22 259:3 /sub /srv/export/zz rw - xfs /dev/nvme0n1p3 rw",
            "");

    @Test
    void devicesMountedBelowTheRootAreNamedByTheirRelativeMountPoint() {
        Map<Long, String> m = MountInfo.parse(SAMPLE, "/srv/export");
        assertEquals("/t1", m.get(MountInfo.makedev(0, 39)));
        assertEquals("/with space", m.get(MountInfo.makedev(0, 40)));
    }

    @Test
    void mountsOutsideTheRootOrOnTheRootItselfAreIgnored() {
        Map<Long, String> m = MountInfo.parse(SAMPLE, "/srv/export");
        assertEquals(null, m.get(MountInfo.makedev(8, 1)));
        assertEquals(null, m.get(MountInfo.makedev(0, 41)), "/srv/exported is beside the export, not in it");
        assertEquals(null, m.get(MountInfo.makedev(0, 42)), "the root's own device is named \"\" elsewhere");
    }

    @Test
    void deviceMountedTwiceIsNamedByItsShortestThenSmallestMountPoint() {
        assertEquals("/a", MountInfo.parse(SAMPLE, "/srv/export").get(MountInfo.makedev(259, 3)));
    }

    @Test
    void majorMinorUndoesMakedevForLargeNumbers() {
        assertEquals("259:3", MountInfo.majorMinor(MountInfo.makedev(259, 3)));
        assertEquals("4100:1048577", MountInfo.majorMinor(MountInfo.makedev(4100, 1048577)));
    }
}
