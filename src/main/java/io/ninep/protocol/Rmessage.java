package io.ninep.protocol;

import java.nio.ByteBuffer;
import java.util.List;

/** Replies of 9P2000.L. Each reply's type byte is its request's plus one; Rlerror is 7. */
public sealed interface Rmessage {

    int type();

    record Rlerror(int ecode) implements Rmessage {
        public int type() { return 7; }
    }

    record Rstatfs(int fsType, int bsize, long blocks, long bfree, long bavail, long files, long ffree,
                   long fsid, int namelen) implements Rmessage {
        public int type() { return 9; }
    }

    record Rlopen(Qid qid, int iounit) implements Rmessage {
        public int type() { return 13; }
    }

    record Rlcreate(Qid qid, int iounit) implements Rmessage {
        public int type() { return 15; }
    }

    record Rsymlink(Qid qid) implements Rmessage {
        public int type() { return 17; }
    }

    record Rmknod(Qid qid) implements Rmessage {
        public int type() { return 19; }
    }

    record Rrename() implements Rmessage {
        public int type() { return 21; }
    }

    record Rreadlink(String target) implements Rmessage {
        public int type() { return 23; }
    }

    record Rgetattr(long valid, Qid qid, int mode, int uid, int gid, long nlink, long rdev, long size,
                    long blksize, long blocks,
                    long atimeSec, long atimeNsec, long mtimeSec, long mtimeNsec,
                    long ctimeSec, long ctimeNsec, long btimeSec, long btimeNsec,
                    long gen, long dataVersion) implements Rmessage {
        public int type() { return 25; }
    }

    record Rsetattr() implements Rmessage {
        public int type() { return 27; }
    }

    record Rxattrwalk(long size) implements Rmessage {
        public int type() { return 31; }
    }

    record Rxattrcreate() implements Rmessage {
        public int type() { return 33; }
    }

    record Rreaddir(List<Dirent> entries) implements Rmessage {
        public Rreaddir {
            entries = List.copyOf(entries);
        }

        public int type() { return 41; }
    }

    record Rfsync() implements Rmessage {
        public int type() { return 51; }
    }

    record Rlock(int status) implements Rmessage {
        public int type() { return 53; }
    }

    record Rgetlock(int lockType, long start, long length, int procId, String clientId) implements Rmessage {
        public int type() { return 55; }
    }

    record Rlink() implements Rmessage {
        public int type() { return 71; }
    }

    record Rmkdir(Qid qid) implements Rmessage {
        public int type() { return 73; }
    }

    record Rrenameat() implements Rmessage {
        public int type() { return 75; }
    }

    record Runlinkat() implements Rmessage {
        public int type() { return 77; }
    }

    record Rversion(int msize, String version) implements Rmessage {
        public int type() { return 101; }
    }

    record Rauth(Qid aqid) implements Rmessage {
        public int type() { return 103; }
    }

    record Rattach(Qid qid) implements Rmessage {
        public int type() { return 105; }
    }

    record Rflush() implements Rmessage {
        public int type() { return 109; }
    }

    record Rwalk(List<Qid> wqids) implements Rmessage {
        public Rwalk {
            wqids = List.copyOf(wqids);
        }

        public int type() { return 111; }
    }

    /** {@code data}'s remaining bytes are the payload. */
    record Rread(ByteBuffer data) implements Rmessage {
        public int type() { return 117; }
    }

    record Rwrite(int count) implements Rmessage {
        public int type() { return 119; }
    }

    record Rclunk() implements Rmessage {
        public int type() { return 121; }
    }

    record Rremove() implements Rmessage {
        public int type() { return 123; }
    }
}
