package io.fusillade.cli;

import io.fusillade.engine.js.EngineStart;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.graalvm.polyglot.Engine;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fusillade} command: dispatches to one subcommand per class. */
@Command(name = "fusillade",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Load testing with JavaScript scripts and a replayable sample journal.",
        subcommands = {RunCommand.class, AnalyzeCommand.class, CompareCommand.class, HistoryCommand.class, DemoCommand.class,
            TestCommand.class, ExecCommand.class, VersionCommand.class, ExportCommand.class, ReplayCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Commands that run a script: for these the JavaScript engine starts before the arguments are parsed. */
    private static final Set<String> SCRIPT_COMMANDS = Set.of("run", "demo");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Builds the command line with Fusillade's error handling: one clear line, never a stack
     * trace. Commands that run scripts take their JavaScript engine from {@code engines}, or
     * build one when it is null.
     */
    public static CommandLine commandLine(Supplier<Engine> engines) {
        CommandLine cl = new CommandLine(new Main(), new CommandFactory(engines));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("fusillade: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("fusillade: " + ex);
            if (Boolean.getBoolean("fusillade.debug")) {
                ex.printStackTrace(commandLine.getErr());
            }
            return ExitCodes.FAILURE;
        });
        return cl;
    }

    /** Creates the commands that need the JavaScript engine; picocli creates the rest. */
    private record CommandFactory(Supplier<Engine> engines) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == RunCommand.class) {
                return type.cast(new RunCommand(engines));
            }
            if (type == DemoCommand.class) {
                return type.cast(new DemoCommand(engines));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    public static void main(String[] args) {
        // Null for other commands (a run then builds its engine when it needs it): analyze and
        // the like must not load, or even link, the engine module.
        EngineStart engines = args.length > 0 && SCRIPT_COMMANDS.contains(args[0]) ? EngineStart.begin() : null;
        int code = commandLine(engines).execute(args);
        if (engines != null) {
            engines.settle(Duration.ofSeconds(5));
        }
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
