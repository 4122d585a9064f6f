package io.ninep.fs;

/** File types with their {@code S_IFMT} bits and {@code DT_*} directory-entry codes (Linux values). */
public enum FileType {
    REGULAR(0100000, 8), DIRECTORY(0040000, 4), SYMLINK(0120000, 10), CHAR_DEVICE(0020000, 2),
    BLOCK_DEVICE(0060000, 6), FIFO(0010000, 1), SOCKET(0140000, 12);

    public static final int S_IFMT = 0170000;

    private final int modeBits;
    private final int direntType;

    FileType(int modeBits, int direntType) {
        this.modeBits = modeBits;
        this.direntType = direntType;
    }

    public int modeBits() {
        return modeBits;
    }

    public int direntType() {
        return direntType;
    }

    /** The type encoded in a full {@code st_mode}; {@code null} when the bits name no type. */
    public static FileType fromMode(int mode) {
        int fmt = mode & S_IFMT;
        for (FileType t : values()) {
            if (t.modeBits == fmt) {
                return t;
            }
        }
        return null;
    }
}
