package io.fusillade.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fusillade} command: dispatches to one subcommand per class. */
@Command(name = "fusillade",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Load testing with JavaScript scripts and a replayable sample journal.",
        subcommands = {RunCommand.class, AnalyzeCommand.class, DemoCommand.class, TestCommand.class, ExecCommand.class, VersionCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with Fusillade's error handling: one clear line, never a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
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

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
