package io.ninep.admin;

import io.ninep.protocol.Tmessage;
import java.util.OptionalLong;

/**
 * The fid a request acts on, for the pending-request listing: the file or directory fid the message names
 * first (a walk's source, a create's directory, Tauth's afid). Tversion and Tflush name none.
 */
final class MessageFids {

    static OptionalLong of(Tmessage m) {
        if (m instanceof Tmessage.Twalk w) {
            return fid(w.fid());
        } else if (m instanceof Tmessage.Tread r) {
            return fid(r.fid());
        } else if (m instanceof Tmessage.Twrite w) {
            return fid(w.fid());
        } else if (m instanceof Tmessage.Tclunk c) {
            return fid(c.fid());
        } else if (m instanceof Tmessage.Tgetattr g) {
            return fid(g.fid());
        } else if (m instanceof Tmessage.Tlopen o) {
            return fid(o.fid());
        } else if (m instanceof Tmessage.Treaddir r) {
            return fid(r.fid());
        } else if (m instanceof Tmessage.Tlcreate c) {
            return fid(c.fid());
        } else if (m instanceof Tmessage.Tsetattr s) {
            return fid(s.fid());
        } else if (m instanceof Tmessage.Tattach a) {
            return fid(a.fid());
        } else if (m instanceof Tmessage.Tauth a) {
            return fid(a.afid());
        } else if (m instanceof Tmessage.Tstatfs s) {
            return fid(s.fid());
        } else if (m instanceof Tmessage.Tsymlink s) {
            return fid(s.fid());
        } else if (m instanceof Tmessage.Tmknod n) {
            return fid(n.dfid());
        } else if (m instanceof Tmessage.Trename r) {
            return fid(r.fid());
        } else if (m instanceof Tmessage.Treadlink r) {
            return fid(r.fid());
        } else if (m instanceof Tmessage.Txattrwalk x) {
            return fid(x.fid());
        } else if (m instanceof Tmessage.Txattrcreate x) {
            return fid(x.fid());
        } else if (m instanceof Tmessage.Tfsync s) {
            return fid(s.fid());
        } else if (m instanceof Tmessage.Tlock l) {
            return fid(l.fid());
        } else if (m instanceof Tmessage.Tgetlock l) {
            return fid(l.fid());
        } else if (m instanceof Tmessage.Tlink l) {
            return fid(l.fid());
        } else if (m instanceof Tmessage.Tmkdir d) {
            return fid(d.dfid());
        } else if (m instanceof Tmessage.Trenameat r) {
            return fid(r.olddirfid());
        } else if (m instanceof Tmessage.Tunlinkat u) {
            return fid(u.dirfid());
        } else if (m instanceof Tmessage.Tremove r) {
            return fid(r.fid());
        }
        return OptionalLong.empty();
    }

    /** fid[4] is unsigned on the wire (NOFID is 0xFFFFFFFF). */
    private static OptionalLong fid(int wire) {
        return OptionalLong.of(Integer.toUnsignedLong(wire));
    }

    private MessageFids() {
    }
}
