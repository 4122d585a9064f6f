package io.ninep.export.qid;

/** A file in the full map: a device (an index into the in-memory table's device list) and an inode. */
record FullKey(int device, long inode) {
}
