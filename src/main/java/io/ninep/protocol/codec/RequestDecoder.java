package io.ninep.protocol.codec;

import io.ninep.posix.Errno;
import io.ninep.protocol.Frame;
import io.ninep.protocol.P9;
import io.ninep.protocol.Tmessage;
import io.ninep.protocol.Tmessage.Tattach;
import io.ninep.protocol.Tmessage.Tauth;
import io.ninep.protocol.Tmessage.Tclunk;
import io.ninep.protocol.Tmessage.Tflush;
import io.ninep.protocol.Tmessage.Tfsync;
import io.ninep.protocol.Tmessage.Tgetattr;
import io.ninep.protocol.Tmessage.Tgetlock;
import io.ninep.protocol.Tmessage.Tlcreate;
import io.ninep.protocol.Tmessage.Tlink;
import io.ninep.protocol.Tmessage.Tlock;
import io.ninep.protocol.Tmessage.Tlopen;
import io.ninep.protocol.Tmessage.Tmkdir;
import io.ninep.protocol.Tmessage.Tmknod;
import io.ninep.protocol.Tmessage.Tread;
import io.ninep.protocol.Tmessage.Treaddir;
import io.ninep.protocol.Tmessage.Treadlink;
import io.ninep.protocol.Tmessage.Tremove;
import io.ninep.protocol.Tmessage.Trename;
import io.ninep.protocol.Tmessage.Trenameat;
import io.ninep.protocol.Tmessage.Tsetattr;
import io.ninep.protocol.Tmessage.Tstatfs;
import io.ninep.protocol.Tmessage.Tsymlink;
import io.ninep.protocol.Tmessage.Tunlinkat;
import io.ninep.protocol.Tmessage.Tversion;
import io.ninep.protocol.Tmessage.Twalk;
import io.ninep.protocol.Tmessage.Twrite;
import io.ninep.protocol.Tmessage.Txattrcreate;
import io.ninep.protocol.Tmessage.Txattrwalk;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one whole request frame. Every problem becomes a {@link Decoded.Failure}: EOPNOTSUPP for a
 * type 9P2000.L does not define as a request (the header is intact, so the tag can be answered),
 * EPROTO for any malformed frame of a known type — size field not matching the frame, a field or
 * string running past the end, invalid UTF-8 or NUL in a string, {@code nwname} above MAXWELEM,
 * a Twrite count that disagrees with its data or exceeds msize − IOHDRSZ, trailing bytes, a frame
 * larger than msize. EPROTO is used even where EINVAL might read better (an over-long walk), so
 * "the frame broke the wire format" has exactly one errno.
 * Tread/Treaddir counts above msize − IOHDRSZ are left as they are: the server clamps them, as diod does.
 */
public final class RequestDecoder {

    private RequestDecoder() {
    }

    public static Decoded decode(ByteBuffer frame, int msize) {
        Header header = Header.of(frame);
        if (header == null) {
            return new Decoded.Failure(-1, -1, Errno.EPROTO, Header.tooShort(frame));
        }
        String sizeMismatch = header.sizeMismatch();
        if (sizeMismatch != null) {
            return failure(header, Errno.EPROTO, sizeMismatch);
        }
        if (Integer.compareUnsigned(header.length(), msize) > 0) {
            return failure(header, Errno.EPROTO, "frame of " + header.length() + " bytes exceeds msize " + msize);
        }
        WireReader in = new WireReader(frame, header.bodyStart());
        try {
            Tmessage message = body(header.type(), in, msize);
            if (message == null) {
                return failure(header, Errno.EOPNOTSUPP,
                        "message type " + header.type() + " is not a 9P2000.L request");
            }
            in.expectEnd();
            return new Decoded.Ok(new Frame(header.tag(), message));
        } catch (MalformedFrameException e) {
            return failure(header, Errno.EPROTO, e.getMessage());
        }
    }

    private static Decoded.Failure failure(Header header, Errno errno, String reason) {
        return new Decoded.Failure(header.tag(), header.type(), errno, reason);
    }

    /** The request of this type, or null when the type is not a 9P2000.L request. */
    private static Tmessage body(int type, WireReader in, int msize) {
        return switch (type) {
            case MessageType.TSTATFS -> statfs(in);
            case MessageType.TLOPEN -> lopen(in);
            case MessageType.TLCREATE -> lcreate(in);
            case MessageType.TSYMLINK -> symlink(in);
            case MessageType.TMKNOD -> mknod(in);
            case MessageType.TRENAME -> rename(in);
            case MessageType.TREADLINK -> readlink(in);
            case MessageType.TGETATTR -> getattr(in);
            case MessageType.TSETATTR -> setattr(in);
            case MessageType.TXATTRWALK -> xattrwalk(in);
            case MessageType.TXATTRCREATE -> xattrcreate(in);
            case MessageType.TREADDIR -> readdir(in);
            case MessageType.TFSYNC -> fsync(in);
            case MessageType.TLOCK -> lock(in);
            case MessageType.TGETLOCK -> getlock(in);
            case MessageType.TLINK -> link(in);
            case MessageType.TMKDIR -> mkdir(in);
            case MessageType.TRENAMEAT -> renameat(in);
            case MessageType.TUNLINKAT -> unlinkat(in);
            case MessageType.TVERSION -> version(in);
            case MessageType.TAUTH -> auth(in);
            case MessageType.TATTACH -> attach(in);
            case MessageType.TFLUSH -> flush(in);
            case MessageType.TWALK -> walk(in);
            case MessageType.TREAD -> read(in);
            case MessageType.TWRITE -> write(in, msize);
            case MessageType.TCLUNK -> clunk(in);
            case MessageType.TREMOVE -> remove(in);
            default -> null;
        };
    }

    private static Tstatfs statfs(WireReader in) {
        return new Tstatfs(in.u32("fid"));
    }

    private static Tlopen lopen(WireReader in) {
        return new Tlopen(in.u32("fid"), in.u32("flags"));
    }

    private static Tlcreate lcreate(WireReader in) {
        return new Tlcreate(in.u32("fid"), in.str("name"), in.u32("flags"), in.u32("mode"), in.u32("gid"));
    }

    private static Tsymlink symlink(WireReader in) {
        return new Tsymlink(in.u32("fid"), in.str("name"), in.str("symtgt"), in.u32("gid"));
    }

    private static Tmknod mknod(WireReader in) {
        return new Tmknod(in.u32("dfid"), in.str("name"), in.u32("mode"), in.u32("major"), in.u32("minor"),
                in.u32("gid"));
    }

    private static Trename rename(WireReader in) {
        return new Trename(in.u32("fid"), in.u32("dfid"), in.str("name"));
    }

    private static Treadlink readlink(WireReader in) {
        return new Treadlink(in.u32("fid"));
    }

    private static Tgetattr getattr(WireReader in) {
        return new Tgetattr(in.u32("fid"), in.u64("request_mask"));
    }

    private static Tsetattr setattr(WireReader in) {
        return new Tsetattr(in.u32("fid"), in.u32("valid"), in.u32("mode"), in.u32("uid"), in.u32("gid"),
                in.u64("size"), in.u64("atime_sec"), in.u64("atime_nsec"), in.u64("mtime_sec"),
                in.u64("mtime_nsec"));
    }

    private static Txattrwalk xattrwalk(WireReader in) {
        return new Txattrwalk(in.u32("fid"), in.u32("newfid"), in.str("name"));
    }

    private static Txattrcreate xattrcreate(WireReader in) {
        return new Txattrcreate(in.u32("fid"), in.str("name"), in.u64("attr_size"), in.u32("flags"));
    }

    private static Treaddir readdir(WireReader in) {
        return new Treaddir(in.u32("fid"), in.u64("offset"), in.u32("count"));
    }

    private static Tfsync fsync(WireReader in) {
        return new Tfsync(in.u32("fid"), in.u32("datasync"));
    }

    private static Tlock lock(WireReader in) {
        return new Tlock(in.u32("fid"), in.u8("type"), in.u32("flags"), in.u64("start"), in.u64("length"),
                in.u32("proc_id"), in.str("client_id"));
    }

    private static Tgetlock getlock(WireReader in) {
        return new Tgetlock(in.u32("fid"), in.u8("type"), in.u64("start"), in.u64("length"), in.u32("proc_id"),
                in.str("client_id"));
    }

    private static Tlink link(WireReader in) {
        return new Tlink(in.u32("dfid"), in.u32("fid"), in.str("name"));
    }

    private static Tmkdir mkdir(WireReader in) {
        return new Tmkdir(in.u32("dfid"), in.str("name"), in.u32("mode"), in.u32("gid"));
    }

    private static Trenameat renameat(WireReader in) {
        return new Trenameat(in.u32("olddirfid"), in.str("oldname"), in.u32("newdirfid"), in.str("newname"));
    }

    private static Tunlinkat unlinkat(WireReader in) {
        return new Tunlinkat(in.u32("dirfid"), in.str("name"), in.u32("flags"));
    }

    private static Tversion version(WireReader in) {
        return new Tversion(in.u32("msize"), in.str("version"));
    }

    private static Tauth auth(WireReader in) {
        return new Tauth(in.u32("afid"), in.str("uname"), in.str("aname"), in.u32("n_uname"));
    }

    private static Tattach attach(WireReader in) {
        return new Tattach(in.u32("fid"), in.u32("afid"), in.str("uname"), in.str("aname"), in.u32("n_uname"));
    }

    private static Tflush flush(WireReader in) {
        return new Tflush(in.u16("oldtag"));
    }

    private static Twalk walk(WireReader in) {
        int fid = in.u32("fid");
        int newfid = in.u32("newfid");
        int nwname = in.u16("nwname");
        if (nwname > P9.MAXWELEM) {
            throw new MalformedFrameException("nwname " + nwname + " exceeds MAXWELEM " + P9.MAXWELEM);
        }
        List<String> names = new ArrayList<>(nwname);
        for (int i = 0; i < nwname; i++) {
            names.add(in.str("wname[" + i + "]"));
        }
        return new Twalk(fid, newfid, names);
    }

    private static Tread read(WireReader in) {
        return new Tread(in.u32("fid"), in.u64("offset"), in.u32("count"));
    }

    private static Twrite write(WireReader in, int msize) {
        int fid = in.u32("fid");
        long offset = in.u64("offset");
        long count = Integer.toUnsignedLong(in.u32("count"));
        if (count != in.remaining()) {
            throw new MalformedFrameException("Twrite count " + count + " but " + in.remaining() + " data bytes");
        }
        if (count > Integer.toUnsignedLong(msize) - P9.IOHDRSZ) {
            throw new MalformedFrameException("Twrite count " + count + " exceeds msize - IOHDRSZ");
        }
        return new Twrite(fid, offset, in.ownedSlice((int) count, "data"));
    }

    private static Tclunk clunk(WireReader in) {
        return new Tclunk(in.u32("fid"));
    }

    private static Tremove remove(WireReader in) {
        return new Tremove(in.u32("fid"));
    }
}
