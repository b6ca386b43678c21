package org.jbp.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop load: a fixed number of client threads, each sending its next request as soon as the last answered,
 * for a fixed time after a warm-up. Latency of every measured request goes into a histogram; anything but 200 counts
 * as an error and the first one is kept to show.
 */
final class LoadRunner {

    /**
     * One unit of work a client repeats: a single request, or every request the tab sends when it opens a plan.
     * It answers how many HTTP requests it made, and throws {@link Refused} on any answer but 200.
     */
    @FunctionalInterface
    interface Action {
        int perform(HttpClient http) throws IOException, InterruptedException;
    }

    /** An answer other than 200, with what to show of it. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    record Scenario(String name, Action action) {
        /** One request per unit; {@code next} builds the next (a random plan, a random partner ...). */
        static Scenario of(String name, Supplier<HttpRequest> next) {
            return new Scenario(name, http -> {
                HttpRequest request = next.get();
                expectOk(request, http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
                return 1;
            });
        }
    }

    static void expectOk(HttpRequest request, HttpResponse<byte[]> reply) throws Refused {
        if (reply.statusCode() != 200) {
            throw new Refused(reply.statusCode() + " " + request.uri() + ": "
                    + new String(reply.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** What one measured run gave: units of work (latency per unit) and the HTTP requests they made. */
    record Outcome(String name, int clients, long requests, long httpRequests, long errors, double seconds,
                   Histogram latencyNanos, String firstError) {
        double throughput() {
            return requests / seconds;
        }

        double httpThroughput() {
            return httpRequests / seconds;
        }

        double millisAt(double percentile) {
            return latencyNanos.getValueAtPercentile(percentile) / 1e6;
        }
    }

    private static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final HttpClient http;
    private final int clients;

    LoadRunner(int clients) {
        this.clients = clients;
        // HTTP/1.1 with keep-alive, as a browser or an integration would; no h2c upgrade dance on plain HTTP.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    int clients() {
        return clients;
    }

    /** Runs {@code length} unmeasured: the JIT, the pools and the caches see this scenario before it counts. */
    void warm(Scenario scenario, Duration length) throws InterruptedException {
        phase(scenario, length);
    }

    /** Runs {@code length} with every latency recorded. */
    Outcome measure(Scenario scenario, Duration length) throws InterruptedException {
        return phase(scenario, length);
    }

    private Outcome phase(Scenario scenario, Duration length) throws InterruptedException {
        List<Histogram> histograms = new ArrayList<>();
        long[] requests = new long[clients];
        long[] httpRequests = new long[clients];
        long[] errors = new long[clients];
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] window = new long[2];
        for (int c = 0; c < clients; c++) {
            Histogram histogram = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
            histograms.add(histogram);
            int client = c;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long end = window[1];
                while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                    long sent = System.nanoTime();
                    try {
                        httpRequests[client] += scenario.action().perform(http);
                        histogram.recordValue(Math.min(System.nanoTime() - sent, HIGHEST_TRACKABLE_NANOS));
                        requests[client]++;
                    } catch (IOException e) {
                        requests[client]++;
                        errors[client]++;
                        firstError.compareAndSet(null, e.toString());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, scenario.name() + "-client-" + c);
            threads.add(thread);
            thread.start();
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + length.toNanos();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - window[0]) / 1e9;
        Histogram all = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
        histograms.forEach(all::add);
        long total = 0;
        long totalHttp = 0;
        long failed = 0;
        for (int c = 0; c < clients; c++) {
            total += requests[c];
            totalHttp += httpRequests[c];
            failed += errors[c];
        }
        return new Outcome(scenario.name(), clients, total, totalHttp, failed, seconds, all, firstError.get());
    }
}
