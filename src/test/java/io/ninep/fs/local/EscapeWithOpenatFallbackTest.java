package io.ninep.fs.local;

/** The same escape attempts with openat2 switched off, as on kernels before 5.6. */
class EscapeWithOpenatFallbackTest extends EscapeContract {
    @Override
    Tuning tuning() {
        return new Tuning(false, true);
    }
}
