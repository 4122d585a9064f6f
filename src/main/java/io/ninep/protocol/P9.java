package io.ninep.protocol;

/** Constants of the 9P2000.L wire protocol (see ../shared/PROTOCOL.md). */
public final class P9 {
    public static final String VERSION_9P2000_L = "9P2000.L";
    public static final String VERSION_UNKNOWN = "unknown";
    public static final int NOTAG = 0xFFFF;
    public static final int NOFID = 0xFFFFFFFF;
    public static final int NONUNAME = 0xFFFFFFFF;
    public static final int MAXWELEM = 16;
    /** Header of Tread/Twrite/Rread: the room an I/O message needs besides its data. */
    public static final int IOHDRSZ = 24;
    /** size[4] type[1] tag[2]. */
    public static final int HEADER_SIZE = 7;
    /** The smallest msize we negotiate: room for a header and a useful payload. */
    public static final int MIN_MSIZE = 4096;

    public static final long GETATTR_BASIC = 0x7ffL;
    public static final long GETATTR_ALL = 0x3fffL;

    private P9() {
    }
}
