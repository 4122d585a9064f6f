package io.ninep.fuzz;

import java.util.Arrays;

/** The type bytes of 9P2000.L (PROTOCOL.md's table), as the oracles of the fuzz tests see them. */
final class WireTypes {
    static final int RLERROR = 7;
    static final int TVERSION = 100;
    static final int TWALK = 110;
    static final int TREAD = 116;
    static final int TCLUNK = 120;

    /**
     * Every request type, in a fixed order (a fuzzer picking from it must pick the same type for the same
     * input in every JVM); each reply's type is its request's plus one.
     */
    static final int[] REQUESTS = {8, 12, 14, 16, 18, 20, 22, 24, 26, 30, 32, 40, 50, 52, 54, 70, 72, 74, 76, 100,
        102, 104, 108, 110, 116, 118, 120, 122};

    private WireTypes() {
    }

    static boolean isRequest(int type) {
        return Arrays.binarySearch(REQUESTS, type) >= 0;
    }

    static boolean isReply(int type) {
        return type == RLERROR || isRequest(type - 1);
    }

    /** The little-endian header fields of a frame of at least 7 bytes. */
    static int type(byte[] frame) {
        return frame[4] & 0xFF;
    }

    static int tag(byte[] frame) {
        return (frame[5] & 0xFF) | (frame[6] & 0xFF) << 8;
    }

    static long sizeField(byte[] frame) {
        return (frame[0] & 0xFFL) | (frame[1] & 0xFFL) << 8 | (frame[2] & 0xFFL) << 16 | (frame[3] & 0xFFL) << 24;
    }

    /** Overwrites the size field with the frame's true length, as an honest sender would write it. */
    static byte[] withTrueSize(byte[] frame) {
        if (frame.length >= 4) {
            int n = frame.length;
            frame[0] = (byte) n;
            frame[1] = (byte) (n >>> 8);
            frame[2] = (byte) (n >>> 16);
            frame[3] = (byte) (n >>> 24);
        }
        return frame;
    }
}
