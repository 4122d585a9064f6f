package io.ninep.fs;

/** A time with nanosecond precision, as in {@code struct timespec}. */
public record Timestamp(long seconds, long nanos) {
    public static final Timestamp EPOCH = new Timestamp(0, 0);

    public static Timestamp now() {
        java.time.Instant i = java.time.Instant.now();
        return new Timestamp(i.getEpochSecond(), i.getNano());
    }
}
