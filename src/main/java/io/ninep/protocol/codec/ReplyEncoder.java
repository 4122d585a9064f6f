package io.ninep.protocol.codec;

import io.ninep.protocol.Dirent;
import io.ninep.protocol.P9;
import io.ninep.protocol.Rmessage;
import io.ninep.protocol.Rmessage.Rattach;
import io.ninep.protocol.Rmessage.Rauth;
import io.ninep.protocol.Rmessage.Rgetattr;
import io.ninep.protocol.Rmessage.Rgetlock;
import io.ninep.protocol.Rmessage.Rlcreate;
import io.ninep.protocol.Rmessage.Rlerror;
import io.ninep.protocol.Rmessage.Rlock;
import io.ninep.protocol.Rmessage.Rlopen;
import io.ninep.protocol.Rmessage.Rmkdir;
import io.ninep.protocol.Rmessage.Rmknod;
import io.ninep.protocol.Rmessage.Rread;
import io.ninep.protocol.Rmessage.Rreaddir;
import io.ninep.protocol.Rmessage.Rreadlink;
import io.ninep.protocol.Rmessage.Rstatfs;
import io.ninep.protocol.Rmessage.Rsymlink;
import io.ninep.protocol.Rmessage.Rversion;
import io.ninep.protocol.Rmessage.Rwalk;
import io.ninep.protocol.Rmessage.Rwrite;
import io.ninep.protocol.Rmessage.Rxattrwalk;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Encodes replies. Like {@link RequestEncoder} it refuses (IllegalArgumentException) out-of-range
 * one- and two-byte fields, over-long strings and more than MAXWELEM qids; fitting a reply into msize
 * is the caller's job, with {@link #encodedSize}.
 */
public final class ReplyEncoder {

    /** Rread's header: size[4] type[1] tag[2] count[4]; its data follows. */
    public static final int RREAD_HEADER_SIZE = P9.HEADER_SIZE + 4;

    private ReplyEncoder() {
    }

    /**
     * Rread's header for {@code count} bytes of data, into the first {@link #RREAD_HEADER_SIZE} bytes of
     * {@code out}: for a reply whose data was read in place right behind it.
     */
    public static void rreadHeader(int tag, int count, ByteBuffer out) {
        WireSink.checkU16(tag);
        out.order(ByteOrder.LITTLE_ENDIAN).putInt(RREAD_HEADER_SIZE + count).put((byte) MessageType.RREAD)
                .putShort((short) tag).putInt(count);
    }

    /** The whole frame, flipped and exactly sized. Rread's data buffer is not moved. */
    public static ByteBuffer encode(int tag, Rmessage m) {
        WireSink.checkU16(tag);
        int size = encodedSize(m);
        WireWriter out = new WireWriter(size);
        out.u32(size).u8(m.type()).u16(tag);
        body(m, out);
        return out.finish();
    }

    /** The size of {@code m}'s frame, header included: what its size field will say. */
    public static int encodedSize(Rmessage m) {
        SizeCounter counter = new SizeCounter();
        body(m, counter);
        return P9.HEADER_SIZE + counter.size();
    }

    private static void body(Rmessage m, WireSink out) {
        switch (m.type()) {
            case MessageType.RLERROR -> lerror((Rlerror) m, out);
            case MessageType.RSTATFS -> statfs((Rstatfs) m, out);
            case MessageType.RLOPEN -> lopen((Rlopen) m, out);
            case MessageType.RLCREATE -> lcreate((Rlcreate) m, out);
            case MessageType.RSYMLINK -> symlink((Rsymlink) m, out);
            case MessageType.RMKNOD -> mknod((Rmknod) m, out);
            case MessageType.RREADLINK -> readlink((Rreadlink) m, out);
            case MessageType.RGETATTR -> getattr((Rgetattr) m, out);
            case MessageType.RXATTRWALK -> xattrwalk((Rxattrwalk) m, out);
            case MessageType.RREADDIR -> readdir((Rreaddir) m, out);
            case MessageType.RLOCK -> lock((Rlock) m, out);
            case MessageType.RGETLOCK -> getlock((Rgetlock) m, out);
            case MessageType.RMKDIR -> mkdir((Rmkdir) m, out);
            case MessageType.RVERSION -> version((Rversion) m, out);
            case MessageType.RAUTH -> auth((Rauth) m, out);
            case MessageType.RATTACH -> attach((Rattach) m, out);
            case MessageType.RWALK -> walk((Rwalk) m, out);
            case MessageType.RREAD -> read((Rread) m, out);
            case MessageType.RWRITE -> write((Rwrite) m, out);
            // Replies whose body is empty: the header says it all.
            case MessageType.RRENAME, MessageType.RSETATTR, MessageType.RXATTRCREATE, MessageType.RFSYNC,
                 MessageType.RLINK, MessageType.RRENAMEAT, MessageType.RUNLINKAT, MessageType.RFLUSH,
                 MessageType.RCLUNK, MessageType.RREMOVE -> {
            }
            default -> throw new IllegalArgumentException("no encoding for message type " + m.type());
        }
    }

    private static void lerror(Rlerror m, WireSink out) {
        out.u32(m.ecode());
    }

    private static void statfs(Rstatfs m, WireSink out) {
        out.u32(m.fsType()).u32(m.bsize()).u64(m.blocks()).u64(m.bfree()).u64(m.bavail()).u64(m.files())
                .u64(m.ffree()).u64(m.fsid()).u32(m.namelen());
    }

    private static void lopen(Rlopen m, WireSink out) {
        out.qid(m.qid()).u32(m.iounit());
    }

    private static void lcreate(Rlcreate m, WireSink out) {
        out.qid(m.qid()).u32(m.iounit());
    }

    private static void symlink(Rsymlink m, WireSink out) {
        out.qid(m.qid());
    }

    private static void mknod(Rmknod m, WireSink out) {
        out.qid(m.qid());
    }

    private static void readlink(Rreadlink m, WireSink out) {
        out.str(m.target());
    }

    private static void getattr(Rgetattr m, WireSink out) {
        out.u64(m.valid()).qid(m.qid()).u32(m.mode()).u32(m.uid()).u32(m.gid()).u64(m.nlink()).u64(m.rdev())
                .u64(m.size()).u64(m.blksize()).u64(m.blocks())
                .u64(m.atimeSec()).u64(m.atimeNsec()).u64(m.mtimeSec()).u64(m.mtimeNsec())
                .u64(m.ctimeSec()).u64(m.ctimeNsec()).u64(m.btimeSec()).u64(m.btimeNsec())
                .u64(m.gen()).u64(m.dataVersion());
    }

    private static void xattrwalk(Rxattrwalk m, WireSink out) {
        out.u64(m.size());
    }

    private static void readdir(Rreaddir m, WireSink out) {
        int count = 0;
        for (Dirent entry : m.entries()) {
            count += entry.wireSize();
        }
        out.u32(count);
        for (Dirent entry : m.entries()) {
            out.qid(entry.qid()).u64(entry.offset()).u8(entry.type()).str(entry.name());
        }
    }

    private static void lock(Rlock m, WireSink out) {
        out.u8(m.status());
    }

    private static void getlock(Rgetlock m, WireSink out) {
        out.u8(m.lockType()).u64(m.start()).u64(m.length()).u32(m.procId()).str(m.clientId());
    }

    private static void mkdir(Rmkdir m, WireSink out) {
        out.qid(m.qid());
    }

    private static void version(Rversion m, WireSink out) {
        out.u32(m.msize()).str(m.version());
    }

    private static void auth(Rauth m, WireSink out) {
        out.qid(m.aqid());
    }

    private static void attach(Rattach m, WireSink out) {
        out.qid(m.qid());
    }

    private static void walk(Rwalk m, WireSink out) {
        if (m.wqids().size() > P9.MAXWELEM) {
            throw new IllegalArgumentException(m.wqids().size() + " qids exceed MAXWELEM " + P9.MAXWELEM);
        }
        out.u16(m.wqids().size());
        m.wqids().forEach(out::qid);
    }

    private static void read(Rread m, WireSink out) {
        out.u32(m.data().remaining()).data(m.data());
    }

    private static void write(Rwrite m, WireSink out) {
        out.u32(m.count());
    }
}
