package io.fusillade.engine.executor;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/** The stack size the JVM gives a thread that asks for none, which also bounds virtual threads' stacks. */
final class ThreadStacks {
    /** What HotSpot gives on 64-bit Linux when nothing is set. */
    private static final long FALLBACK_BYTES = 1024 * 1024;
    private static volatile long cached;

    private ThreadStacks() {
    }

    /** {@code -Xss} (the {@code ThreadStackSize} VM option) in bytes. */
    static long defaultBytes() {
        long bytes = cached;
        if (bytes == 0) {
            bytes = FALLBACK_BYTES;
            try {
                HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
                long kb = Long.parseLong(vm.getVMOption("ThreadStackSize").getValue());
                if (kb > 0) {
                    bytes = kb * 1024;
                }
            } catch (RuntimeException | LinkageError e) {
                // Not HotSpot, or no management: the usual default.
            }
            cached = bytes;
        }
        return bytes;
    }
}
