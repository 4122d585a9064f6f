package io.ninep.export.qid;

/** The table file is not a valid table: wrong magic, unknown version, bad CRC, or inconsistent content. */
final class TableFormatException extends Exception {
    TableFormatException(String message) {
        super(message);
    }
}
