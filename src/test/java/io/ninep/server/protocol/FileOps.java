package io.ninep.server.protocol;

import io.ninep.client.NinepClient;
import io.ninep.protocol.Qid;

/** Multi-message steps the tests repeat, each done the way the Linux client does it. */
final class FileOps {
    private FileOps() {
    }

    /**
     * Creates {@code name} in {@code dirFid} with {@code content}: a clone walk to {@code fid}, Tlcreate
     * O_RDWR, Twrite. {@code fid} is left open on the new file.
     */
    static Qid createFile(NinepClient c, int dirFid, int fid, String name, byte[] content) {
        c.walk(dirFid, fid);
        Qid qid = c.lcreate(fid, name, Linux.O_RDWR, 0644, 0).qid();
        if (content.length > 0) {
            c.write(fid, 0, content);
        }
        return qid;
    }

    /** Walks {@code fid} from {@code dirFid} along {@code names} and opens it with {@code flags}. */
    static void open(NinepClient c, int dirFid, int fid, int flags, String... names) {
        c.walk(dirFid, fid, names);
        c.lopen(fid, flags);
    }

    /** The whole content of {@code name}, read through a temporary fid {@code scratchFid}. */
    static byte[] contentOf(NinepClient c, int dirFid, int scratchFid, String name) {
        open(c, dirFid, scratchFid, Linux.O_RDONLY, name);
        try {
            return c.readAll(scratchFid);
        } finally {
            c.clunk(scratchFid);
        }
    }
}
