package io.fusillade.engine.js.modules.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fusillade.engine.js.host.TestResult;
import io.fusillade.engine.testing.ScriptHarness;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Unit tests in scripts, as a script sees them. */
class TestingModuleTest {
    @RegisterExtension
    static final ScriptHarness harness = new ScriptHarness();

    @Test
    void unitTestsReportEachResultAndAreSkippedInALoadTest() throws IOException {
        String source = """
                const total = (price, n) => price * n;
                describe('Cart Logic', () => {
                  test('calculates total correctly', () => { expect(total(100, 2)).toBe(200); });
                  test('compares deeply', () => { expect({ a: [1, 2] }).toEqual({ a: [1, 2] }); });
                  test('fails clearly', () => { expect(total(1, 1)).toBe(2); });
                });
                test('truthy', () => expect('x').toBeTruthy());
                export default function () {}
                """;
        assertThat(harness.run(source, 1, 1).shared().testResults()).isEmpty();
        ScriptHarness.Run run = harness.runTests(source);
        assertThat(run.shared().testResults()).extracting(TestResult::name, TestResult::passed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Cart Logic › calculates total correctly", true),
                org.assertj.core.groups.Tuple.tuple("Cart Logic › compares deeply", true),
                org.assertj.core.groups.Tuple.tuple("Cart Logic › fails clearly", false),
                org.assertj.core.groups.Tuple.tuple("truthy", true));
        assertThat(run.shared().testResults().get(2).message()).isEqualTo("expected 1 to be 2");
    }
}
