package io.fusillade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fusillade.engine.options.OptionsResolver;
import io.fusillade.engine.options.TestOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shipped {@code config/} templates load, and each YAML file means what its JSON twin means. */
class ConfigTemplatesTest {
    private static final Path CONFIG = Path.of("..", "config");

    private static List<Path> templates(String extension) throws IOException {
        try (Stream<Path> files = Files.list(CONFIG)) {
            return files.filter(f -> f.toString().endsWith(extension)).sorted().toList();
        }
    }

    @Test
    void everyTemplateResolvesWithoutUnknownKeysAndMatchesItsJsonTwin() throws IOException {
        List<Path> yamls = templates(".yaml");
        assertThat(yamls).extracting(p -> p.getFileName().toString()).contains("local.yaml", "ramping.yaml", "stress-test.yaml",
                "soak-test.yaml", "chaos.yaml", "arrival-rate.yaml", "multi-scenario.yaml");
        for (Path yaml : yamls) {
            Path json = yaml.resolveSibling(yaml.getFileName().toString().replace(".yaml", ".json"));
            Map<String, Object> fromYaml = ConfigFile.load(yaml);
            assertThat(ConfigFile.load(json)).as(json.toString()).isEqualTo(fromYaml);
            OptionsResolver resolver = new OptionsResolver();
            TestOptions options = resolver.resolve(List.of(fromYaml), OptionsResolver.Overrides.none());
            assertThat(options.scenarios()).as(yaml.toString()).isNotEmpty();
            assertThat(resolver.warnings()).as(yaml.toString()).noneMatch(w -> w.contains("unknown option"));
        }
    }
}
