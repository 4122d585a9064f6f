package io.ninep.server;

import io.ninep.protocol.Tmessage;

/** What a request may cost in buffers: its frame plus the largest reply it can produce under msize. */
final class Admission {
    /** Rreaddir's header: size[4] type[1] tag[2] count[4]. */
    private static final int RREADDIR_HEADER = 11;
    /** Every other reply is small; Rreadlink is the largest (a 4 KiB target plus its header). */
    private static final int SMALL_REPLY = 4096 + 64;

    private Admission() {
    }

    static long cost(int frameBytes, Tmessage m, int msize) {
        long reply;
        if (m instanceof Tmessage.Tread) {
            reply = Integer.toUnsignedLong(((Tmessage.Tread) m).count()) + io.ninep.protocol.P9.IOHDRSZ;
        } else if (m instanceof Tmessage.Treaddir) {
            reply = Integer.toUnsignedLong(((Tmessage.Treaddir) m).count()) + RREADDIR_HEADER;
        } else {
            reply = SMALL_REPLY;
        }
        return frameBytes + Math.min(reply, msize);
    }
}
