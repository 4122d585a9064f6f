package io.ninep.fs;

/**
 * How a file is opened, already translated from the wire's open flags bit by bit (PROTOCOL.md: never pass
 * them raw). {@code exclusive} only matters for create.
 */
public record OpenMode(Access access, boolean append, boolean truncate, boolean exclusive, boolean sync,
                       boolean dataSync, boolean directory, boolean noAtime, boolean direct) {

    public enum Access { READ, WRITE, READ_WRITE }

    public static OpenMode readOnly() {
        return new OpenMode(Access.READ, false, false, false, false, false, false, false, false);
    }

    public boolean readable() {
        return access != Access.WRITE;
    }

    public boolean writable() {
        return access != Access.READ;
    }
}
