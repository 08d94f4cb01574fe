package io.fusillade.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fusillade.engine.options.OptionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A {@code --config} file: the same keys as a script's {@code options}, in YAML
 * ({@code .yaml}, {@code .yml}) or JSON ({@code .json}). Its values sit between the script's
 * options and the command line. A file that cannot be read or parsed is an invalid-option
 * error naming the file and, when known, the line.
 */
final class ConfigFile {
    private ConfigFile() {
    }

    /** The file's top-level object. */
    static Map<String, Object> load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new OptionException("--config", "file not found: " + file);
        } catch (IOException e) {
            throw new OptionException("--config", "cannot read " + file + ": " + e.getMessage());
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Object parsed = name.endsWith(".json") ? json(file, text) : yaml(file, text);
        if (parsed == null) {
            return Map.of();
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new OptionException("--config", file + ": expected an object of options at the top, e.g. 'workers: 10'");
        }
        Map<String, Object> options = new LinkedHashMap<>();
        map.forEach((key, value) -> options.put(String.valueOf(key), value));
        return options;
    }

    private static Object json(Path file, String text) {
        try {
            return new ObjectMapper().readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new OptionException("--config", file + at + ": not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Object yaml(Path file, String text) {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            String at = mark == null ? "" : ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            throw new OptionException("--config", file + at + ": not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new OptionException("--config", file + ": not valid YAML: " + e.getMessage());
        }
    }
}
