package io.ninep.fs.local;

/**
 * Which of two equivalent kernel paths the backend takes, so tests can force the fallbacks: openat2 or
 * component-by-component openat, and linkat(AT_EMPTY_PATH) or linkat through {@code /proc/self/fd/N}.
 */
record Tuning(boolean openat2, boolean linkByEmptyPath) {
    static final Tuning DEFAULT = new Tuning(true, true);
}
