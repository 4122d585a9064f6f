package io.ninep.fs;

/**
 * What identifies a file to the server: its type, the device and inode it lives on, and a version that
 * changes only when its content changes. {@code device} is a backend-chosen key that is stable across
 * restarts (not a raw st_dev); the server turns (device, inode) into a qid path.
 */
public record FileId(FileType type, long device, long inode, long version) {
}
