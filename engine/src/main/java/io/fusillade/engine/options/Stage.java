package io.fusillade.engine.options;

import java.time.Duration;

/**
 * One step of a ramping schedule: move linearly from the previous target to {@code target}
 * (VUs for ramping-vus, iterations per time unit for ramping-arrival-rate) over {@code duration}.
 */
public record Stage(Duration duration, long target) {
}
