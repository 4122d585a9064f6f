package io.ninep.fs;

/** Who acts: the attached user's uid and the gid a create names. New files are owned by it. */
public record Identity(int uid, int gid) {
}
