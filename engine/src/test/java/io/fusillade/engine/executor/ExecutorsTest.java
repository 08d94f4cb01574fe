package io.fusillade.engine.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.fusillade.engine.testing.LocalTarget;
import io.fusillade.ingest.SampleEvent;
import io.fusillade.ingest.SampleKind;
import io.fusillade.ingest.TagSets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every executor, judged by the records its run publishes (what the journal would hold). */
class ExecutorsTest {
    @RegisterExtension
    static final LocalTarget LOCAL = new LocalTarget();

    @TempDir
    Path dir;

    private RecordedRun run(String source) throws Exception {
        return RecordedRun.against(LOCAL, dir, source);
    }

    @Test
    void constantArrivalRateStartsExactlyTheScheduleEvenlyAndRecordsIntendedStarts() throws Exception {
        RecordedRun r = run("""
                export const options = { executor: 'constant-arrival-rate', rate: 50, timeUnit: '1s', duration: '4s',
                                         preAllocatedVUs: 50, maxVUs: 100 };
                export default function () { http.get(`${__ENV.BASE_URL}/health`); }
                """);
        List<SampleEvent> iterations = r.of(SampleKind.ITERATION);
        List<SampleEvent> planned = new java.util.ArrayList<>(iterations);
        planned.addAll(r.of(SampleKind.DROPPED_ITERATION));
        // The schedule is exact: 200 due, 50 in each second. On a starved machine a few may find
        // every VU busy (most often in the first, cold second) and are dropped, and say so.
        assertThat(planned).hasSize(200);
        assertThat(iterations).hasSizeGreaterThanOrEqualTo(180);
        long first = planned.stream().mapToLong(e -> e.intendedStartNanos).min().orElseThrow();
        Map<Long, Long> perSecond = planned.stream().collect(Collectors.groupingBy(
                e -> (e.intendedStartNanos - first) / 1_000_000_000L, Collectors.counting()));
        assertThat(perSecond).containsOnlyKeys(0L, 1L, 2L, 3L);
        assertThat(perSecond.values()).allSatisfy(n -> assertThat(n).isBetween(49L, 51L));
        // Planned starts are 20 ms apart; actual starts follow them.
        List<Long> due = planned.stream().map(e -> e.intendedStartNanos).sorted().toList();
        assertThat(due.get(100) - due.get(99)).isBetween(19_000_000L, 21_000_000L);
        assertThat(iterations).allSatisfy(e -> assertThat(e.startNanos).isGreaterThanOrEqualTo(e.intendedStartNanos));
        // Requests carry their iteration's lag: intended start no later than the actual one.
        assertThat(r.of(SampleKind.REQUEST)).hasSameSizeAs(iterations)
                .allSatisfy(e -> assertThat(e.intendedStartNanos).isLessThanOrEqualTo(e.startNanos));
    }

    @Test
    void anArrivalRateWithoutFreeVusDropsIterationsAndSaysSo() throws Exception {
        RecordedRun r = run("""
                export const options = { executor: 'constant-arrival-rate', rate: 20, duration: '2s', preAllocatedVUs: 1, maxVUs: 2 };
                export default function () { sleep(0.3); }
                """);
        long ran = r.of(SampleKind.ITERATION).size();
        long dropped = r.of(SampleKind.DROPPED_ITERATION).size();
        // Two VUs finish about 6.7 iterations a second of the 20 due; an iteration waits for one
        // for up to a second past its planned start, then is dropped.
        assertThat(ran + dropped).isEqualTo(40);
        assertThat(ran).isBetween(8L, 24L);
        assertThat(dropped).isGreaterThanOrEqualTo(16);
        assertThat(r.outcome().droppedIterations()).isEqualTo(dropped);
        assertThat(r.of(SampleKind.DROPPED_ITERATION)).allSatisfy(e -> {
            assertThat(e.intendedStartNanos).isPositive();
            assertThat(e.startNanos - e.intendedStartNanos).isGreaterThanOrEqualTo(ArrivalRateExecutor.MAX_WAIT_NANOS);
        });
    }

    @Test
    void iterationsDueWhileEveryVuIsBusyStartLateInsteadOfDroppedWhileThePoolMayGrow() throws Exception {
        // One pre-allocated VU for a load that needs about five: the pool grows, and what was
        // due meanwhile waits for a VU rather than being dropped. Its lag is on record.
        RecordedRun r = run("""
                export const options = { executor: 'constant-arrival-rate', rate: 100, duration: '2s', preAllocatedVUs: 1, maxVUs: 60 };
                export default function () { sleep(0.05); }
                """);
        List<SampleEvent> iterations = r.of(SampleKind.ITERATION);
        assertThat(r.of(SampleKind.DROPPED_ITERATION)).isEmpty();
        assertThat(iterations).hasSize(200);
        assertThat(iterations.stream().map(e -> e.intendedStartNanos).distinct()).hasSize(200);
        assertThat(iterations).anySatisfy(e -> assertThat(e.startNanos - e.intendedStartNanos).isGreaterThan(5_000_000L));
        assertThat(r.outcome().droppedIterations()).isZero();
    }

    @Test
    void vusAreInitialisedBeforeTheClockStartsSoTheDurationIsSpentRunningThem() throws Exception {
        // Each VU's init code takes 100 ms: 20 of them built inside the scenario's 1 s would
        // leave the last ones starting near its end. Built ahead, all start in its first tenth.
        RecordedRun r = run("""
                const until = Date.now() + 100;
                while (Date.now() < until) { }
                export const options = { vus: 20, duration: '1s' };
                export default function () { sleep(0.1); }
                """);
        Map<Integer, Long> firstStart = r.of(SampleKind.ITERATION).stream()
                .collect(Collectors.toMap(e -> e.vu, e -> e.startNanos, Math::min));
        assertThat(firstStart).hasSize(20);
        long earliest = firstStart.values().stream().min(Long::compare).orElseThrow();
        assertThat(firstStart.values()).allSatisfy(t -> assertThat(t - earliest).isLessThan(400_000_000L));
    }

    @Test
    void aLargerStackSizeLetsAScenariosScriptsRecurseDeeper() throws Exception {
        // The same recursion in two scenarios: the one with stack_size (64 MB, more than any
        // default -Xss) runs on threads with that stack and goes far deeper.
        RecordedRun r = run("""
                function depth(n) { try { return depth(n + 1); } catch (e) { return n; } }
                export const options = { scenarios: {
                    plain: { executor: 'per-vu-iterations', vus: 1, iterations: 1 },
                    deep: { executor: 'per-vu-iterations', vus: 1, iterations: 1, stack_size: 64 * 1024 * 1024 },
                } };
                export default function () { check(depth(0), { [__SCENARIO]: (d) => d > 5000 }); }
                """);
        Map<String, Double> passed = r.of(SampleKind.CHECK).stream()
                .collect(Collectors.toMap(e -> r.names().get(e.nameId), e -> e.value));
        assertThat(passed).containsEntry("deep", 1.0).containsEntry("plain", 0.0);
    }

    @Test
    void rampingArrivalRateFollowsItsStages() throws Exception {
        RecordedRun r = run("""
                export const options = { executor: 'ramping-arrival-rate', startRate: 0, timeUnit: '1s',
                    stages: [{ duration: '2s', target: 40 }, { duration: '1s', target: 40 }], preAllocatedVUs: 5 };
                export default function () { }
                """);
        List<Long> planned = r.of(SampleKind.ITERATION).stream().map(e -> e.intendedStartNanos).sorted().toList();
        // 0 -> 40/s over 2 s is 40 iterations, then 40 more in the flat second.
        assertThat(planned).hasSizeBetween(78, 82);
        long first = planned.getFirst();
        long inFirstSecond = planned.stream().filter(t -> t - first < 1_000_000_000L).count();
        long inLastSecond = planned.stream().filter(t -> t - first >= 2_000_000_000L).count();
        assertThat(inFirstSecond).isBetween(8L, 12L);
        assertThat(inLastSecond).isBetween(38L, 42L);
    }

    @Test
    void perVuIterationsRunsWorkersTimesIterationsAndSharedIterationsTheTotal() throws Exception {
        RecordedRun r = run("""
                export const options = { scenarios: {
                    each: { executor: 'per-vu-iterations', vus: 3, iterations: 7, exec: 'each' },
                    pool: { executor: 'shared-iterations', vus: 4, iterations: 25, exec: 'pool' },
                } };
                export function each() { http.get(`${__ENV.BASE_URL}/health`); }
                export function pool() { sleep(0.001 * (__VU % 3)); }
                """);
        assertThat(r.iterationsOf("each")).hasSize(21);
        assertThat(r.iterationsOf("each").stream().collect(Collectors.groupingBy(e -> e.vu, Collectors.counting())).values())
                .containsExactly(7L, 7L, 7L);
        assertThat(r.iterationsOf("pool")).hasSize(25);
        assertThat(r.of(SampleKind.REQUEST)).hasSize(21);
        assertThat(r.outcome().iterations()).isEqualTo(46);
    }

    @Test
    void rampingVusGaugeFollowsTheStages() throws Exception {
        RecordedRun r = run("""
                export const options = { stages: [{ duration: '1s', target: 6 }, { duration: '2s', target: 6 },
                                                  { duration: '1s', target: 0 }], vus: 0, gracefulRampDown: '1s' };
                export default function () { sleep(0.05); }
                """);
        List<SampleEvent> readings = r.vusReadings();
        assertThat(readings).hasSizeGreaterThanOrEqualTo(3);
        long start = r.of(SampleKind.ITERATION).stream().mapToLong(e -> e.startNanos).min().orElseThrow();
        // Readings in the flat part (1.2 s to 2.9 s) see all 6 VUs; none ever sees more.
        assertThat(readings).allSatisfy(e -> assertThat(e.value).isLessThanOrEqualTo(6));
        assertThat(readings.stream().filter(e -> e.startNanos - start > 1_200_000_000L && e.startNanos - start < 2_900_000_000L))
                .isNotEmpty().allSatisfy(e -> assertThat(e.value).isEqualTo(6));
        assertThat(r.iterationsOf("default").stream().map(e -> e.vu).collect(Collectors.toSet())).hasSize(6);
        assertThat(r.seconds()).isLessThan(12);
    }

    @Test
    void rampingDownLetsIterationsFinishWithinGracefulRampDownThenCancelsThem() throws Exception {
        RecordedRun r = run("""
                export const options = { scenarios: {
                    patient: { executor: 'ramping-vus', startVUs: 2, gracefulRampDown: '3s', exec: 'slow',
                               stages: [{ duration: '500ms', target: 2 }, { duration: '100ms', target: 0 }, { duration: '2s', target: 0 }] },
                    hasty: { executor: 'ramping-vus', startVUs: 2, gracefulRampDown: '200ms', exec: 'stuck',
                             stages: [{ duration: '500ms', target: 2 }, { duration: '100ms', target: 0 }, { duration: '2s', target: 0 }] },
                } };
                export function slow() { sleep(1); }
                export function stuck() { sleep(30); }
                """);
        // Ramped down at ~0.6 s: the 1 s iterations finish; the 30 s ones are cut 200 ms later.
        assertThat(r.iterationsOf("patient")).hasSize(2);
        assertThat(r.iterationsOf("hasty")).isEmpty();
        assertThat(r.outcome().interruptedVus()).isEqualTo(2);
        assertThat(r.seconds()).isLessThan(10);
    }

    @Test
    void scenariosRunConcurrentlyWithTheirOwnFunctionStartTimeAndName() throws Exception {
        RecordedRun r = run("""
                export const options = { scenarios: {
                    early: { executor: 'constant-vus', vus: 2, duration: '2s', exec: 'early' },
                    late: { executor: 'per-vu-iterations', vus: 1, iterations: 3, startTime: '1s', exec: 'late',
                            env: { WHO: 'late one' }, tags: { team: 'payments', flow: 'base' } },
                } };
                export function early() { if (__SCENARIO !== 'early') throw new Error('wrong scenario ' + __SCENARIO); sleep(0.1); }
                export function late() {
                    if (__SCENARIO !== 'late' || __ENV.WHO !== 'late one') throw new Error('wrong scenario ' + __SCENARIO);
                    __VU_STATE.n = (__VU_STATE.n || 0) + 1;
                    if (__VU_STATE.n !== __ITERATION + 1) throw new Error('state lost');
                    http.get(`${__ENV.BASE_URL}/health`, { tags: { flow: 'own' } });
                    check(1, { 'one': (x) => x === 1 });
                    sleep(0.1);
                }
                """);
        assertThat(r.iterationErrors()).isZero();
        List<SampleEvent> early = r.iterationsOf("early");
        List<SampleEvent> late = r.iterationsOf("late");
        assertThat(early).hasSizeBetween(20, 42);
        assertThat(late).hasSize(3);
        long runStart = early.stream().mapToLong(e -> e.startNanos).min().orElseThrow();
        long lateStart = late.stream().mapToLong(e -> e.startNanos).min().orElseThrow();
        assertThat(lateStart - runStart).isGreaterThan(850_000_000L);
        // VU numbers are unique across scenarios; a late scenario's VU is a new one.
        Set<Integer> earlyVus = early.stream().map(e -> e.vu).collect(Collectors.toSet());
        assertThat(late).allSatisfy(e -> assertThat(earlyVus).doesNotContain(e.vu));
        assertThat(r.outcome().iterations()).isEqualTo(early.size() + late.size());
        // The scenario's tags are on its requests and checks; a request's own tag wins.
        assertThat(r.of(SampleKind.REQUEST)).hasSize(3).allSatisfy(e -> assertThat(TagSets.decode(r.names().get(e.tagSetId)))
                .containsEntry("team", "payments").containsEntry("flow", "own"));
        assertThat(r.of(SampleKind.CHECK)).hasSize(3).allSatisfy(e -> assertThat(TagSets.decode(r.names().get(e.tagSetId)))
                .containsEntry("team", "payments").containsEntry("flow", "base"));
    }

    @Test
    void minIterationDurationPadsShortIterations() throws Exception {
        RecordedRun r = run("""
                export const options = { iterations: 4, min_iteration_duration: '200ms' };
                export default function () { }
                """);
        List<SampleEvent> iterations = r.of(SampleKind.ITERATION);
        assertThat(iterations).hasSize(4);
        long span = iterations.getLast().startNanos - iterations.getFirst().startNanos;
        assertThat(span).isGreaterThanOrEqualTo(590_000_000L);
    }

    @Test
    void stopEndsEveryScenarioAfterTheCurrentIterations() throws Exception {
        RecordedRun r = RecordedRun.of(dir, """
                export const options = { scenarios: {
                    a: { executor: 'constant-vus', vus: 2, duration: '1m' },
                    b: { executor: 'constant-arrival-rate', rate: 10, duration: '1m', preAllocatedVUs: 2 },
                    c: { executor: 'constant-vus', vus: 1, duration: '1m', startTime: '30s' },
                } };
                export default function () { sleep(0.05); }
                """, LOCAL.http(), Map.of(), execution -> {
                    try {
                        Thread.sleep(1500);
                    } catch (InterruptedException e) {
                        return;
                    }
                    execution.stop();
                });
        assertThat(r.seconds()).isLessThan(10);
        assertThat(r.outcome().interruptedVus()).isZero();
        assertThat(r.iterationsOf("a")).isNotEmpty();
        assertThat(r.iterationsOf("b")).isNotEmpty();
        assertThat(r.iterationsOf("c")).isEmpty();
    }
}
