package io.ninep.protocol;

/** A decoded request with the tag it travelled under. */
public record Frame(int tag, Tmessage message) {
}
