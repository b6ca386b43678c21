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

    /** One kind of request; {@code next} builds the next request (a random plan, a random partner ...). */
    record Scenario(String name, Supplier<HttpRequest> next) {
    }

    /** What one measured run gave. */
    record Outcome(String name, long requests, long errors, double seconds, Histogram latencyNanos,
                   String firstError) {
        double throughput() {
            return requests / seconds;
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

    /** Runs {@code warmup} unmeasured, then {@code measured} with every latency recorded. */
    Outcome run(Scenario scenario, Duration warmup, Duration measured) throws InterruptedException {
        phase(scenario, warmup);
        return phase(scenario, measured);
    }

    private Outcome phase(Scenario scenario, Duration length) throws InterruptedException {
        List<Histogram> histograms = new ArrayList<>();
        long[] requests = new long[clients];
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
                    HttpRequest request = scenario.next().get();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<byte[]> reply = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        histogram.recordValue(Math.min(System.nanoTime() - sent, HIGHEST_TRACKABLE_NANOS));
                        requests[client]++;
                        if (reply.statusCode() != 200) {
                            errors[client]++;
                            firstError.compareAndSet(null, reply.statusCode() + " " + request.uri() + ": "
                                    + new String(reply.body(), java.nio.charset.StandardCharsets.UTF_8));
                        }
                    } catch (IOException e) {
                        requests[client]++;
                        errors[client]++;
                        firstError.compareAndSet(null, e + " on " + request.uri());
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
        long failed = 0;
        for (int c = 0; c < clients; c++) {
            total += requests[c];
            failed += errors[c];
        }
        return new Outcome(scenario.name(), total, failed, seconds, all, firstError.get());
    }
}
