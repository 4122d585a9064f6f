package io.ninep.protocol.codec;

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

/**
 * Encodes requests. It refuses (IllegalArgumentException) what {@link RequestDecoder} would refuse
 * and can be caught at the source: a tag or one-byte field out of range, a string longer than
 * len[2] allows, more than MAXWELEM names. Frames the server must reject are built by hand instead.
 */
public final class RequestEncoder {

    private RequestEncoder() {
    }

    /** The whole frame, flipped and exactly sized. */
    public static ByteBuffer encode(int tag, Tmessage m) {
        WireSink.checkU16(tag);
        SizeCounter counter = new SizeCounter();
        body(m, counter);
        int size = P9.HEADER_SIZE + counter.size();
        WireWriter out = new WireWriter(size);
        out.u32(size).u8(m.type()).u16(tag);
        body(m, out);
        return out.finish();
    }

    /**
     * A Twrite's frame up to its data, flipped: the caller sends the data right after it, so a large write
     * is never copied into a frame of its own (a gathering write). The size field counts the data.
     */
    public static ByteBuffer encodeHeader(int tag, Twrite m) {
        WireSink.checkU16(tag);
        int header = P9.HEADER_SIZE + 4 + 8 + 4;
        WireWriter out = new WireWriter(header);
        out.u32(header + m.data().remaining()).u8(m.type()).u16(tag);
        out.u32(m.fid()).u64(m.offset()).u32(m.data().remaining());
        return out.finish();
    }

    private static void body(Tmessage m, WireSink out) {
        switch (m.type()) {
            case MessageType.TSTATFS -> statfs((Tstatfs) m, out);
            case MessageType.TLOPEN -> lopen((Tlopen) m, out);
            case MessageType.TLCREATE -> lcreate((Tlcreate) m, out);
            case MessageType.TSYMLINK -> symlink((Tsymlink) m, out);
            case MessageType.TMKNOD -> mknod((Tmknod) m, out);
            case MessageType.TRENAME -> rename((Trename) m, out);
            case MessageType.TREADLINK -> readlink((Treadlink) m, out);
            case MessageType.TGETATTR -> getattr((Tgetattr) m, out);
            case MessageType.TSETATTR -> setattr((Tsetattr) m, out);
            case MessageType.TXATTRWALK -> xattrwalk((Txattrwalk) m, out);
            case MessageType.TXATTRCREATE -> xattrcreate((Txattrcreate) m, out);
            case MessageType.TREADDIR -> readdir((Treaddir) m, out);
            case MessageType.TFSYNC -> fsync((Tfsync) m, out);
            case MessageType.TLOCK -> lock((Tlock) m, out);
            case MessageType.TGETLOCK -> getlock((Tgetlock) m, out);
            case MessageType.TLINK -> link((Tlink) m, out);
            case MessageType.TMKDIR -> mkdir((Tmkdir) m, out);
            case MessageType.TRENAMEAT -> renameat((Trenameat) m, out);
            case MessageType.TUNLINKAT -> unlinkat((Tunlinkat) m, out);
            case MessageType.TVERSION -> version((Tversion) m, out);
            case MessageType.TAUTH -> auth((Tauth) m, out);
            case MessageType.TATTACH -> attach((Tattach) m, out);
            case MessageType.TFLUSH -> flush((Tflush) m, out);
            case MessageType.TWALK -> walk((Twalk) m, out);
            case MessageType.TREAD -> read((Tread) m, out);
            case MessageType.TWRITE -> write((Twrite) m, out);
            case MessageType.TCLUNK -> clunk((Tclunk) m, out);
            case MessageType.TREMOVE -> remove((Tremove) m, out);
            default -> throw new IllegalArgumentException("no encoding for message type " + m.type());
        }
    }

    private static void statfs(Tstatfs m, WireSink out) {
        out.u32(m.fid());
    }

    private static void lopen(Tlopen m, WireSink out) {
        out.u32(m.fid()).u32(m.flags());
    }

    private static void lcreate(Tlcreate m, WireSink out) {
        out.u32(m.fid()).str(m.name()).u32(m.flags()).u32(m.mode()).u32(m.gid());
    }

    private static void symlink(Tsymlink m, WireSink out) {
        out.u32(m.fid()).str(m.name()).str(m.symtgt()).u32(m.gid());
    }

    private static void mknod(Tmknod m, WireSink out) {
        out.u32(m.dfid()).str(m.name()).u32(m.mode()).u32(m.major()).u32(m.minor()).u32(m.gid());
    }

    private static void rename(Trename m, WireSink out) {
        out.u32(m.fid()).u32(m.dfid()).str(m.name());
    }

    private static void readlink(Treadlink m, WireSink out) {
        out.u32(m.fid());
    }

    private static void getattr(Tgetattr m, WireSink out) {
        out.u32(m.fid()).u64(m.requestMask());
    }

    private static void setattr(Tsetattr m, WireSink out) {
        out.u32(m.fid()).u32(m.valid()).u32(m.mode()).u32(m.uid()).u32(m.gid()).u64(m.size())
                .u64(m.atimeSec()).u64(m.atimeNsec()).u64(m.mtimeSec()).u64(m.mtimeNsec());
    }

    private static void xattrwalk(Txattrwalk m, WireSink out) {
        out.u32(m.fid()).u32(m.newfid()).str(m.name());
    }

    private static void xattrcreate(Txattrcreate m, WireSink out) {
        out.u32(m.fid()).str(m.name()).u64(m.attrSize()).u32(m.flags());
    }

    private static void readdir(Treaddir m, WireSink out) {
        out.u32(m.fid()).u64(m.offset()).u32(m.count());
    }

    private static void fsync(Tfsync m, WireSink out) {
        out.u32(m.fid()).u32(m.datasync());
    }

    private static void lock(Tlock m, WireSink out) {
        out.u32(m.fid()).u8(m.lockType()).u32(m.flags()).u64(m.start()).u64(m.length()).u32(m.procId())
                .str(m.clientId());
    }

    private static void getlock(Tgetlock m, WireSink out) {
        out.u32(m.fid()).u8(m.lockType()).u64(m.start()).u64(m.length()).u32(m.procId()).str(m.clientId());
    }

    private static void link(Tlink m, WireSink out) {
        out.u32(m.dfid()).u32(m.fid()).str(m.name());
    }

    private static void mkdir(Tmkdir m, WireSink out) {
        out.u32(m.dfid()).str(m.name()).u32(m.mode()).u32(m.gid());
    }

    private static void renameat(Trenameat m, WireSink out) {
        out.u32(m.olddirfid()).str(m.oldname()).u32(m.newdirfid()).str(m.newname());
    }

    private static void unlinkat(Tunlinkat m, WireSink out) {
        out.u32(m.dirfid()).str(m.name()).u32(m.flags());
    }

    private static void version(Tversion m, WireSink out) {
        out.u32(m.msize()).str(m.version());
    }

    private static void auth(Tauth m, WireSink out) {
        out.u32(m.afid()).str(m.uname()).str(m.aname()).u32(m.nUname());
    }

    private static void attach(Tattach m, WireSink out) {
        out.u32(m.fid()).u32(m.afid()).str(m.uname()).str(m.aname()).u32(m.nUname());
    }

    private static void flush(Tflush m, WireSink out) {
        out.u16(m.oldtag());
    }

    private static void walk(Twalk m, WireSink out) {
        if (m.wnames().size() > P9.MAXWELEM) {
            throw new IllegalArgumentException(m.wnames().size() + " names exceed MAXWELEM " + P9.MAXWELEM);
        }
        out.u32(m.fid()).u32(m.newfid()).u16(m.wnames().size());
        m.wnames().forEach(out::str);
    }

    private static void read(Tread m, WireSink out) {
        out.u32(m.fid()).u64(m.offset()).u32(m.count());
    }

    private static void write(Twrite m, WireSink out) {
        out.u32(m.fid()).u64(m.offset()).u32(m.data().remaining()).data(m.data());
    }

    private static void clunk(Tclunk m, WireSink out) {
        out.u32(m.fid());
    }

    private static void remove(Tremove m, WireSink out) {
        out.u32(m.fid());
    }
}
