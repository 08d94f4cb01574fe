package io.fusillade.aggregator.output;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * How OTLP export requests travel: OTLP/HTTP with a protobuf body ({@code http://},
 * {@code https://}) or OTLP/gRPC ({@code grpc://host:port} in plain text,
 * {@code grpcs://host:port} over TLS).
 */
sealed interface OtlpTransport extends AutoCloseable {
    Duration TIMEOUT = Duration.ofSeconds(10);

    /** Sends without waiting; the future fails with a message naming the receiver. */
    CompletableFuture<Void> sendAsync(ExportMetricsServiceRequest request);

    /** Sends and waits. */
    void send(ExportMetricsServiceRequest request) throws IOException;

    @Override
    void close();

    /**
     * The transport for {@code url}.
     *
     * @throws IllegalArgumentException naming {@code --out otlp=} when the URL is not one of the four forms
     */
    static OtlpTransport forUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("invalid --out otlp=" + url + ": " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (uri.getHost() == null || !java.util.Set.of("http", "https", "grpc", "grpcs").contains(scheme)
                || (scheme.startsWith("grpc") && uri.getPort() < 0)) {
            throw new IllegalArgumentException("invalid --out otlp=" + url + ": expected an OTLP/HTTP URL such as "
                    + "http://localhost:4318/v1/metrics, or grpc://localhost:4317 for OTLP/gRPC");
        }
        return scheme.startsWith("grpc") ? new Grpc(uri, scheme.equals("grpcs")) : new Http(uri);
    }

    /** OTLP/HTTP: POST of the protobuf-encoded request. */
    final class Http implements OtlpTransport {
        private final URI url;
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

        Http(URI url) {
            this.url = url;
        }

        private HttpRequest request(ExportMetricsServiceRequest body) {
            return HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", "application/x-protobuf")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        }

        @Override
        public CompletableFuture<Void> sendAsync(ExportMetricsServiceRequest request) {
            return client.sendAsync(request(request), HttpResponse.BodyHandlers.discarding()).thenAccept(response -> {
                if (response.statusCode() >= 300) {
                    throw new IllegalStateException("HTTP " + response.statusCode());
                }
            });
        }

        @Override
        public void send(ExportMetricsServiceRequest request) throws IOException {
            try {
                HttpResponse<Void> response = client.send(request(request), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() >= 300) {
                    throw new IOException("cannot export OTLP metrics to " + url + ": HTTP " + response.statusCode());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while exporting OTLP metrics to " + url, e);
            } catch (IOException e) {
                throw e.getMessage() != null && e.getMessage().startsWith("cannot export") ? e
                        : new IOException("cannot export OTLP metrics to " + url + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
            }
        }

        @Override
        public void close() {
            client.close();
        }
    }

    /** OTLP/gRPC: the collector's MetricsService/Export call. */
    final class Grpc implements OtlpTransport {
        private final URI url;
        private final ManagedChannel channel;

        Grpc(URI url, boolean tls) {
            this.url = url;
            NettyChannelBuilder builder = NettyChannelBuilder.forAddress(url.getHost(), url.getPort());
            this.channel = (tls ? builder.useTransportSecurity() : builder.usePlaintext()).build();
        }

        @Override
        public CompletableFuture<Void> sendAsync(ExportMetricsServiceRequest request) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            MetricsServiceGrpc.newStub(channel).withDeadlineAfter(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .export(request, new io.grpc.stub.StreamObserver<>() {
                        @Override
                        public void onNext(io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse value) {
                        }

                        @Override
                        public void onError(Throwable t) {
                            done.completeExceptionally(t);
                        }

                        @Override
                        public void onCompleted() {
                            done.complete(null);
                        }
                    });
            return done;
        }

        @Override
        public void send(ExportMetricsServiceRequest request) throws IOException {
            try {
                MetricsServiceGrpc.newBlockingStub(channel).withDeadlineAfter(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).export(request);
            } catch (StatusRuntimeException e) {
                throw new IOException("cannot export OTLP metrics to " + url + ": " + e.getStatus().getCode()
                        + (e.getStatus().getDescription() == null ? "" : " (" + e.getStatus().getDescription() + ")"), e);
            }
        }

        @Override
        public void close() {
            channel.shutdownNow();
        }
    }
}
