package io.ninep.protocol;

import java.nio.charset.StandardCharsets;

/** One Rreaddir entry: {@code qid[13] offset[8] type[1] name[s]}; offset is the cookie that resumes after it. */
public record Dirent(Qid qid, long offset, int type, String name) {

    /** Bytes this entry takes on the wire. */
    public int wireSize() {
        return Qid.SIZE + 8 + 1 + 2 + name.getBytes(StandardCharsets.UTF_8).length;
    }
}
