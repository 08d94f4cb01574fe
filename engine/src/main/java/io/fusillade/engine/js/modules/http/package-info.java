/**
 * The {@code http} module: the {@code http} global and {@code k6/http} (requests, {@code
 * http.batch()}, cookies, multipart forms, hooks and defaults). Its JavaScript is {@code
 * http.js}; every request takes {@link io.fusillade.engine.js.modules.http.RequestFlow}.
 * Documented in {@code docs/http.md}.
 */
package io.fusillade.engine.js.modules.http;
