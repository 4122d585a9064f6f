package io.ninep.protocol.codec;

/** The type bytes of 9P2000.L (PROTOCOL.md's table); a reply's type is its request's plus one. */
final class MessageType {
    static final int RLERROR = 7;
    static final int TSTATFS = 8;
    static final int RSTATFS = 9;
    static final int TLOPEN = 12;
    static final int RLOPEN = 13;
    static final int TLCREATE = 14;
    static final int RLCREATE = 15;
    static final int TSYMLINK = 16;
    static final int RSYMLINK = 17;
    static final int TMKNOD = 18;
    static final int RMKNOD = 19;
    static final int TRENAME = 20;
    static final int RRENAME = 21;
    static final int TREADLINK = 22;
    static final int RREADLINK = 23;
    static final int TGETATTR = 24;
    static final int RGETATTR = 25;
    static final int TSETATTR = 26;
    static final int RSETATTR = 27;
    static final int TXATTRWALK = 30;
    static final int RXATTRWALK = 31;
    static final int TXATTRCREATE = 32;
    static final int RXATTRCREATE = 33;
    static final int TREADDIR = 40;
    static final int RREADDIR = 41;
    static final int TFSYNC = 50;
    static final int RFSYNC = 51;
    static final int TLOCK = 52;
    static final int RLOCK = 53;
    static final int TGETLOCK = 54;
    static final int RGETLOCK = 55;
    static final int TLINK = 70;
    static final int RLINK = 71;
    static final int TMKDIR = 72;
    static final int RMKDIR = 73;
    static final int TRENAMEAT = 74;
    static final int RRENAMEAT = 75;
    static final int TUNLINKAT = 76;
    static final int RUNLINKAT = 77;
    static final int TVERSION = 100;
    static final int RVERSION = 101;
    static final int TAUTH = 102;
    static final int RAUTH = 103;
    static final int TATTACH = 104;
    static final int RATTACH = 105;
    static final int TFLUSH = 108;
    static final int RFLUSH = 109;
    static final int TWALK = 110;
    static final int RWALK = 111;
    static final int TREAD = 116;
    static final int RREAD = 117;
    static final int TWRITE = 118;
    static final int RWRITE = 119;
    static final int TCLUNK = 120;
    static final int RCLUNK = 121;
    static final int TREMOVE = 122;
    static final int RREMOVE = 123;

    private MessageType() {
    }
}
