package io.fusillade.cli;

import java.util.concurrent.Callable;
import org.graalvm.polyglot.Engine;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code fusillade version}: versions of Fusillade, the JDK and the JS engine, and whether the JIT is on. */
@Command(name = "version", description = "Print versions and whether the JavaScript JIT compiler is active.")
public final class VersionCommand implements Callable<Integer> {
    /** The Fusillade version, from the jar manifest when packaged. */
    static String fusilladeVersion() {
        String v = VersionCommand.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }

    /** Supplies {@code --version}. */
    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"fusillade " + fusilladeVersion()};
        }
    }

    @Override
    public Integer call() {
        System.out.println("fusillade " + fusilladeVersion());
        System.out.println("java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        try (Engine engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build()) {
            boolean jit = !"Interpreted".equalsIgnoreCase(engine.getImplementationName());
            System.out.println("javascript: GraalJS " + engine.getVersion() + ", " + engine.getImplementationName()
                    + (jit ? " (JIT compiler active)" : " (INTERPRETED: scripts run 20-30x slower)"));
        }
        return ExitCodes.OK;
    }
}
