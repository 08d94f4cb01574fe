package io.fusillade.engine.js.modules.http;

import org.graalvm.polyglot.Value;

/**
 * What a request does beyond one exchange: follow redirects (on by default, up to
 * {@code maxRedirects}) and retry on failure ({@code retry} times, backing off from
 * {@code retryDelay} ms, doubling up to 32 times that, or as {@code retryDelayFn} says).
 *
 * @param followRedirects follow 3xx responses that carry a Location
 * @param maxRedirects    how many hops at most
 * @param retries         extra attempts after a failed one
 * @param retryDelayMillis the first pause between attempts
 * @param retryOn         the script's test of a response ({@code r => boolean}), or null for the default
 * @param retryDelayFn    the script's pause for retry n (1-based) in ms, or null for the default backoff
 */
record RequestPolicy(boolean followRedirects, int maxRedirects, int retries, long retryDelayMillis, Value retryOn,
                     Value retryDelayFn) {
    /** The spec's defaults: follow up to 5 redirects, no retries. */
    static final RequestPolicy DEFAULT = new RequestPolicy(true, 5, 0, 100, null, null);

    /** The most a retry pause grows to, as a multiple of the first. */
    private static final int MAX_BACKOFF = 32;

    /** Whether a finished attempt should be tried again (before counting how many are left). */
    boolean shouldRetry(JsResponse response, int status) {
        if (retryOn != null) {
            return retryOn.execute(response).asBoolean();
        }
        return status == 0 || status == 429 || status >= 500;
    }

    /** The pause before retry {@code n} (1-based), in milliseconds. */
    long delayMillis(int n) {
        if (retryDelayFn != null) {
            Value ms = retryDelayFn.execute(n);
            return ms.isNumber() ? Math.max(0, (long) ms.asDouble()) : 0;
        }
        return retryDelayMillis * Math.min(MAX_BACKOFF, 1L << Math.min(n - 1, 5));
    }

    /** The policy a request's params ask for; {@link #DEFAULT} where they are silent. */
    static RequestPolicy of(Value params) {
        boolean follow = DEFAULT.followRedirects;
        int maxRedirects = DEFAULT.maxRedirects;
        int retries = DEFAULT.retries;
        long delay = DEFAULT.retryDelayMillis;
        Value retryOn = null;
        Value retryDelayFn = null;
        Value v = params.getMember("followRedirects");
        if (v != null && v.isBoolean()) {
            follow = v.asBoolean();
        }
        v = params.getMember("maxRedirects");
        if (v != null && !v.isNull()) {
            maxRedirects = nonNegative(v, "maxRedirects");
        }
        v = params.getMember("retry");
        if (v != null && !v.isNull()) {
            retries = nonNegative(v, "retry");
        }
        v = params.getMember("retryDelay");
        if (v != null && !v.isNull()) {
            delay = nonNegative(v, "retryDelay");
        }
        v = params.getMember("retryOn");
        if (v != null && !v.isNull()) {
            if (!v.canExecute()) {
                throw new IllegalArgumentException("request option retryOn must be a function (r) => boolean");
            }
            retryOn = v;
        }
        v = params.getMember("retryDelayFn");
        if (v != null && !v.isNull()) {
            if (!v.canExecute()) {
                throw new IllegalArgumentException("request option retryDelayFn must be a function (count) => milliseconds");
            }
            retryDelayFn = v;
        }
        if (follow == DEFAULT.followRedirects && maxRedirects == DEFAULT.maxRedirects && retries == 0 && retryOn == null
                && retryDelayFn == null) {
            return DEFAULT;
        }
        return new RequestPolicy(follow, maxRedirects, retries, delay, retryOn, retryDelayFn);
    }

    private static int nonNegative(Value v, String option) {
        if (!v.isNumber() || v.asDouble() < 0 || v.asDouble() > 1_000_000) {
            throw new IllegalArgumentException("request option " + option + " must be a number from 0 up, got " + v);
        }
        return (int) v.asDouble();
    }
}
