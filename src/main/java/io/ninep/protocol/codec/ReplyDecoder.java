package io.ninep.protocol.codec;

import io.ninep.protocol.Dirent;
import io.ninep.protocol.P9;
import io.ninep.protocol.Qid;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Rmessage.Rattach;
import io.ninep.protocol.Rmessage.Rauth;
import io.ninep.protocol.Rmessage.Rclunk;
import io.ninep.protocol.Rmessage.Rflush;
import io.ninep.protocol.Rmessage.Rfsync;
import io.ninep.protocol.Rmessage.Rgetattr;
import io.ninep.protocol.Rmessage.Rgetlock;
import io.ninep.protocol.Rmessage.Rlcreate;
import io.ninep.protocol.Rmessage.Rlerror;
import io.ninep.protocol.Rmessage.Rlink;
import io.ninep.protocol.Rmessage.Rlock;
import io.ninep.protocol.Rmessage.Rlopen;
import io.ninep.protocol.Rmessage.Rmkdir;
import io.ninep.protocol.Rmessage.Rmknod;
import io.ninep.protocol.Rmessage.Rread;
import io.ninep.protocol.Rmessage.Rreaddir;
import io.ninep.protocol.Rmessage.Rreadlink;
import io.ninep.protocol.Rmessage.Rremove;
import io.ninep.protocol.Rmessage.Rrename;
import io.ninep.protocol.Rmessage.Rrenameat;
import io.ninep.protocol.Rmessage.Rsetattr;
import io.ninep.protocol.Rmessage.Rstatfs;
import io.ninep.protocol.Rmessage.Rsymlink;
import io.ninep.protocol.Rmessage.Runlinkat;
import io.ninep.protocol.Rmessage.Rversion;
import io.ninep.protocol.Rmessage.Rwalk;
import io.ninep.protocol.Rmessage.Rwrite;
import io.ninep.protocol.Rmessage.Rxattrcreate;
import io.ninep.protocol.Rmessage.Rxattrwalk;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one whole reply frame for a client, as strictly as {@link RequestDecoder}: the size field
 * must match, no field may run past the end, strings are valid UTF-8 without NUL, {@code nwqid} is at
 * most MAXWELEM, Rread/Rreaddir counts match their data, Rreaddir entries fill their count exactly, no
 * trailing bytes. Types that are not 9P2000.L replies (requests, 9P2000's Rerror) are refused.
 */
public final class ReplyDecoder {

    private ReplyDecoder() {
    }

    public static ReplyDecoded decode(ByteBuffer frame) {
        Header header = Header.of(frame);
        if (header == null) {
            return new ReplyDecoded.Failure(-1, -1, Header.tooShort(frame));
        }
        String sizeMismatch = header.sizeMismatch();
        if (sizeMismatch != null) {
            return new ReplyDecoded.Failure(header.tag(), header.type(), sizeMismatch);
        }
        WireReader in = new WireReader(frame, header.bodyStart());
        try {
            Rmessage message = body(header.type(), in);
            if (message == null) {
                return new ReplyDecoded.Failure(header.tag(), header.type(),
                        "message type " + header.type() + " is not a 9P2000.L reply");
            }
            in.expectEnd();
            return new ReplyDecoded.Ok(header.tag(), message);
        } catch (MalformedFrameException e) {
            return new ReplyDecoded.Failure(header.tag(), header.type(), e.getMessage());
        }
    }

    /** The reply of this type, or null when the type is not a 9P2000.L reply. */
    private static Rmessage body(int type, WireReader in) {
        return switch (type) {
            case MessageType.RLERROR -> lerror(in);
            case MessageType.RSTATFS -> statfs(in);
            case MessageType.RLOPEN -> lopen(in);
            case MessageType.RLCREATE -> lcreate(in);
            case MessageType.RSYMLINK -> symlink(in);
            case MessageType.RMKNOD -> mknod(in);
            case MessageType.RRENAME -> new Rrename();
            case MessageType.RREADLINK -> readlink(in);
            case MessageType.RGETATTR -> getattr(in);
            case MessageType.RSETATTR -> new Rsetattr();
            case MessageType.RXATTRWALK -> xattrwalk(in);
            case MessageType.RXATTRCREATE -> new Rxattrcreate();
            case MessageType.RREADDIR -> readdir(in);
            case MessageType.RFSYNC -> new Rfsync();
            case MessageType.RLOCK -> lock(in);
            case MessageType.RGETLOCK -> getlock(in);
            case MessageType.RLINK -> new Rlink();
            case MessageType.RMKDIR -> mkdir(in);
            case MessageType.RRENAMEAT -> new Rrenameat();
            case MessageType.RUNLINKAT -> new Runlinkat();
            case MessageType.RVERSION -> version(in);
            case MessageType.RAUTH -> auth(in);
            case MessageType.RATTACH -> attach(in);
            case MessageType.RFLUSH -> new Rflush();
            case MessageType.RWALK -> walk(in);
            case MessageType.RREAD -> read(in);
            case MessageType.RWRITE -> write(in);
            case MessageType.RCLUNK -> new Rclunk();
            case MessageType.RREMOVE -> new Rremove();
            default -> null;
        };
    }

    private static Rlerror lerror(WireReader in) {
        return new Rlerror(in.u32("ecode"));
    }

    private static Rstatfs statfs(WireReader in) {
        return new Rstatfs(in.u32("type"), in.u32("bsize"), in.u64("blocks"), in.u64("bfree"), in.u64("bavail"),
                in.u64("files"), in.u64("ffree"), in.u64("fsid"), in.u32("namelen"));
    }

    private static Rlopen lopen(WireReader in) {
        return new Rlopen(in.qid("qid"), in.u32("iounit"));
    }

    private static Rlcreate lcreate(WireReader in) {
        return new Rlcreate(in.qid("qid"), in.u32("iounit"));
    }

    private static Rsymlink symlink(WireReader in) {
        return new Rsymlink(in.qid("qid"));
    }

    private static Rmknod mknod(WireReader in) {
        return new Rmknod(in.qid("qid"));
    }

    private static Rreadlink readlink(WireReader in) {
        return new Rreadlink(in.str("target"));
    }

    private static Rgetattr getattr(WireReader in) {
        return new Rgetattr(in.u64("valid"), in.qid("qid"), in.u32("mode"), in.u32("uid"), in.u32("gid"),
                in.u64("nlink"), in.u64("rdev"), in.u64("size"), in.u64("blksize"), in.u64("blocks"),
                in.u64("atime_sec"), in.u64("atime_nsec"), in.u64("mtime_sec"), in.u64("mtime_nsec"),
                in.u64("ctime_sec"), in.u64("ctime_nsec"), in.u64("btime_sec"), in.u64("btime_nsec"),
                in.u64("gen"), in.u64("data_version"));
    }

    private static Rxattrwalk xattrwalk(WireReader in) {
        return new Rxattrwalk(in.u64("size"));
    }

    /** count[4] then exactly count bytes of whole entries: the Linux client never sees a split entry. */
    private static Rreaddir readdir(WireReader in) {
        long count = Integer.toUnsignedLong(in.u32("count"));
        if (count != in.remaining()) {
            throw new MalformedFrameException("Rreaddir count " + count + " but " + in.remaining() + " data bytes");
        }
        List<Dirent> entries = new ArrayList<>();
        while (in.remaining() > 0) {
            String field = "entry[" + entries.size() + "]";
            entries.add(new Dirent(in.qid(field + " qid"), in.u64(field + " offset"), in.u8(field + " type"),
                    in.str(field + " name")));
        }
        return new Rreaddir(entries);
    }

    private static Rlock lock(WireReader in) {
        return new Rlock(in.u8("status"));
    }

    private static Rgetlock getlock(WireReader in) {
        return new Rgetlock(in.u8("type"), in.u64("start"), in.u64("length"), in.u32("proc_id"),
                in.str("client_id"));
    }

    private static Rmkdir mkdir(WireReader in) {
        return new Rmkdir(in.qid("qid"));
    }

    private static Rversion version(WireReader in) {
        return new Rversion(in.u32("msize"), in.str("version"));
    }

    private static Rauth auth(WireReader in) {
        return new Rauth(in.qid("aqid"));
    }

    private static Rattach attach(WireReader in) {
        return new Rattach(in.qid("qid"));
    }

    private static Rwalk walk(WireReader in) {
        int nwqid = in.u16("nwqid");
        if (nwqid > P9.MAXWELEM) {
            throw new MalformedFrameException("nwqid " + nwqid + " exceeds MAXWELEM " + P9.MAXWELEM);
        }
        List<Qid> qids = new ArrayList<>(nwqid);
        for (int i = 0; i < nwqid; i++) {
            qids.add(in.qid("wqid[" + i + "]"));
        }
        return new Rwalk(qids);
    }

    private static Rread read(WireReader in) {
        long count = Integer.toUnsignedLong(in.u32("count"));
        if (count != in.remaining()) {
            throw new MalformedFrameException("Rread count " + count + " but " + in.remaining() + " data bytes");
        }
        return new Rread(in.slice((int) count, "data"));
    }

    private static Rwrite write(WireReader in) {
        return new Rwrite(in.u32("count"));
    }
}
