package io.fusillade.engine.js.host;

/** Thrown into a VU's script when the run stops it (graceful stop expired, or abort). */
public final class VuInterruptedException extends RuntimeException {
    public VuInterruptedException() {
        super("VU stopped by the run", null, false, false);
    }
}
