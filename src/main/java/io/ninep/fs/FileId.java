package io.ninep.fs;

/**
 * What identifies a file to the server: its type, the device and inode it lives on, and a version that
 * changes only when its content changes. {@code device} is the backend's raw device key (st_dev for the local
 * backend); the export's qid mapper turns (device, inode) into a qid path that is stable across restarts.
 */
public record FileId(FileType type, long device, long inode, long version) {
}
