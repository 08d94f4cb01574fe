package io.fusillade.engine.js;

import io.fusillade.engine.js.host.JsModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.graalvm.polyglot.Source;

/**
 * The JavaScript that installs the registered modules in a VU context: one source, made once
 * from every module's installer, that {@code core.js} calls with its {@code install} (eager
 * modules) and {@code lazy} (the others, installed when the script first reads one of their
 * globals or imports them). One source for all, so each context parses nothing of its own.
 */
final class ModuleInstaller {
    /** The installer's source name, which errors point past. */
    static final String NAME = "fusillade-modules.js";

    private ModuleInstaller() {
    }

    /** The installer for {@code modules}, in their order. */
    static Source of(List<JsModule> modules) {
        StringBuilder js = new StringBuilder("(function (install, lazy) {\n'use strict';\n");
        for (JsModule module : modules) {
            String globals = module.globals().stream().map(g -> "'" + g + "'").reduce((a, b) -> a + ", " + b).orElse("");
            js.append(module.eager() ? "install" : "lazy").append("('").append(module.name()).append("', [").append(globals)
                    .append("], ").append(module.eager() ? "(\n" : "() => (\n").append(text(module)).append("\n));\n");
        }
        js.append("})\n");
        return Source.newBuilder("js", js.toString(), NAME).buildLiteral();
    }

    private static String text(JsModule module) {
        try (InputStream in = module.getClass().getResourceAsStream(module.script())) {
            if (in == null) {
                throw new IllegalStateException(module.script() + " of module '" + module.name() + "' missing from the engine jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + module.script() + " of module '" + module.name() + "'", e);
        }
    }
}
