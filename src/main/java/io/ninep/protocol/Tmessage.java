package io.ninep.protocol;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Requests of 9P2000.L (diod protocol.md, Plan 9 intro(5)). The tag travels beside the message
 * ({@link Frame}), so each record holds only its body. Unsigned 32-bit fields are kept in {@code int}.
 */
public sealed interface Tmessage {

    /** The message type byte on the wire. */
    int type();

    /** The lower-case name used in configuration and metrics: the message name without its T. */
    default String opName() {
        return OpNames.OF.get(getClass());
    }

    /** Computed once per message type: every request asks for it (faults, metrics). */
    final class OpNames {
        static final ClassValue<String> OF = new ClassValue<>() {
            @Override
            protected String computeValue(Class<?> type) {
                return type.getSimpleName().substring(1).toLowerCase(java.util.Locale.ROOT);
            }
        };

        private OpNames() {
        }
    }

    record Tstatfs(int fid) implements Tmessage {
        public int type() { return 8; }
    }

    record Tlopen(int fid, int flags) implements Tmessage {
        public int type() { return 12; }
    }

    record Tlcreate(int fid, String name, int flags, int mode, int gid) implements Tmessage {
        public int type() { return 14; }
    }

    record Tsymlink(int fid, String name, String symtgt, int gid) implements Tmessage {
        public int type() { return 16; }
    }

    record Tmknod(int dfid, String name, int mode, int major, int minor, int gid) implements Tmessage {
        public int type() { return 18; }
    }

    record Trename(int fid, int dfid, String name) implements Tmessage {
        public int type() { return 20; }
    }

    record Treadlink(int fid) implements Tmessage {
        public int type() { return 22; }
    }

    record Tgetattr(int fid, long requestMask) implements Tmessage {
        public int type() { return 24; }
    }

    record Tsetattr(int fid, int valid, int mode, int uid, int gid, long size,
                    long atimeSec, long atimeNsec, long mtimeSec, long mtimeNsec) implements Tmessage {
        public int type() { return 26; }
    }

    record Txattrwalk(int fid, int newfid, String name) implements Tmessage {
        public int type() { return 30; }
    }

    record Txattrcreate(int fid, String name, long attrSize, int flags) implements Tmessage {
        public int type() { return 32; }
    }

    record Treaddir(int fid, long offset, int count) implements Tmessage {
        public int type() { return 40; }
    }

    record Tfsync(int fid, int datasync) implements Tmessage {
        public int type() { return 50; }
    }

    record Tlock(int fid, int lockType, int flags, long start, long length, int procId, String clientId)
            implements Tmessage {
        public int type() { return 52; }
    }

    record Tgetlock(int fid, int lockType, long start, long length, int procId, String clientId)
            implements Tmessage {
        public int type() { return 54; }
    }

    record Tlink(int dfid, int fid, String name) implements Tmessage {
        public int type() { return 70; }
    }

    record Tmkdir(int dfid, String name, int mode, int gid) implements Tmessage {
        public int type() { return 72; }
    }

    record Trenameat(int olddirfid, String oldname, int newdirfid, String newname) implements Tmessage {
        public int type() { return 74; }
    }

    record Tunlinkat(int dirfid, String name, int flags) implements Tmessage {
        public int type() { return 76; }
    }

    record Tversion(int msize, String version) implements Tmessage {
        public int type() { return 100; }
    }

    record Tauth(int afid, String uname, String aname, int nUname) implements Tmessage {
        public int type() { return 102; }
    }

    record Tattach(int fid, int afid, String uname, String aname, int nUname) implements Tmessage {
        public int type() { return 104; }
    }

    record Tflush(int oldtag) implements Tmessage {
        public int type() { return 108; }
    }

    record Twalk(int fid, int newfid, List<String> wnames) implements Tmessage {
        public Twalk {
            wnames = List.copyOf(wnames);
        }

        public int type() { return 110; }
    }

    record Tread(int fid, long offset, int count) implements Tmessage {
        public int type() { return 116; }
    }

    /**
     * {@code data} views the request's frame, writable so the local backend passes its array to pwrite
     * without a copy (nothing writes to it); its remaining bytes are the payload (equality compares them).
     */
    record Twrite(int fid, long offset, ByteBuffer data) implements Tmessage {
        public int type() { return 118; }
    }

    record Tclunk(int fid) implements Tmessage {
        public int type() { return 120; }
    }

    record Tremove(int fid) implements Tmessage {
        public int type() { return 122; }
    }
}
