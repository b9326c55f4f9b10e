package dev.custos.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: {@code clients} threads, each sending its next request as soon as the last is answered, for a
 * warm-up (not recorded) and then a measured window. Latencies go into one HdrHistogram per thread, merged at the end.
 */
final class Load {

    private Load() {}

    /** What one measured window gave: requests answered as expected per second, latencies, and everything else. */
    record Result(double perSecond, Histogram latencies, long errors) {}

    /** {@code request.apply(client)} gives each client its own request; it answers whether the answer was right. */
    static Result run(int clients, Duration warmUp, Duration window, IntFunction<BooleanSupplier> request) {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + window.toNanos();
        AtomicLong errors = new AtomicLong();
        List<Histogram> histograms = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            histograms.add(new Histogram(60_000_000L, 3));
        }
        onThreads(clients, client -> {
            Histogram histogram = histograms.get(client);
            BooleanSupplier send = request.apply(client);
            return () -> {
                while (true) {
                    long before = System.nanoTime();
                    if (before >= end) {
                        return;
                    }
                    boolean ok = send.getAsBoolean();
                    long after = System.nanoTime();
                    if (before >= measureFrom) {
                        if (ok) {
                            histogram.recordValue(Math.max(1, (after - before) / 1000));
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                }
            };
        });
        Histogram all = new Histogram(60_000_000L, 3);
        histograms.forEach(all::add);
        return new Result(all.getTotalCount() / (window.toNanos() / 1e9), all, errors.get());
    }

    /** Runs {@code body.apply(i)} on thread {@code i} of {@code threads}, and waits until every one has ended. */
    static void onThreads(int threads, IntFunction<Runnable> body) {
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(body.apply(i), "bench-client-" + i);
            started.add(thread);
            thread.start();
        }
        for (Thread thread : started) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** One request after another, {@code count} times, each timed: for latencies that need no concurrency. */
    static Histogram sequential(int count, java.util.function.LongSupplier timedMicros) {
        Histogram histogram = new Histogram(60_000_000L, 3);
        for (int i = 0; i < count; i++) {
            histogram.recordValue(Math.max(1, timedMicros.getAsLong()));
        }
        return histogram;
    }
}
