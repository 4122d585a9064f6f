package io.ninep.fs.local;

class EscapeWithOpenat2Test extends EscapeContract {
    @Override
    Tuning tuning() {
        return Tuning.DEFAULT;
    }
}
