package io.ninep.protocol;

/** A qid: the server's unique identification of a file ({@code type[1] version[4] path[8]}). */
public record Qid(int type, int version, long path) {
    public static final int DIR = 0x80;
    public static final int APPEND = 0x40;
    public static final int EXCL = 0x20;
    public static final int MOUNT = 0x10;
    public static final int AUTH = 0x08;
    public static final int TMP = 0x04;
    public static final int SYMLINK = 0x02;
    public static final int FILE = 0x00;

    public static final int SIZE = 13;

    public boolean isDirectory() {
        return (type & DIR) != 0;
    }
}
