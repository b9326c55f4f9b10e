package dev.custos.api.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Bounded load: each client runs its own script in its own thread until the deadline, sending each request to the
 * next instance round-robin (client {@code i} starts at instance {@code i}), one request at a time, never retrying.
 * Every request is recorded with when it started and what it got, so a test can judge each phase of a fault.
 */
final class Load {

    /** One client's work: one request to {@code at} per call. */
    interface Script {
        Outcome step(ServiceInstance at);
    }

    /** What one request got, and what it acknowledged when it succeeded (null otherwise, or for reads). */
    record Outcome(String operation, Answer answer, Acknowledged acknowledged, int instance, long startedNanos) {}

    /** An acknowledged command: a hold placed ({@code target} null), or a target added to a hold. */
    record Acknowledged(java.util.UUID hold, java.util.UUID target) {}

    private final List<ServiceInstance> instances;
    private final List<Script> clients;

    Load(List<ServiceInstance> instances, List<Script> clients) {
        this.instances = List.copyOf(instances);
        this.clients = List.copyOf(clients);
    }

    /** Runs the load on its own thread; the test injects its fault meanwhile and joins the result. */
    java.util.concurrent.CompletableFuture<Result> start(Duration duration) {
        java.util.concurrent.CompletableFuture<Result> result = new java.util.concurrent.CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        result.complete(run(duration));
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                },
                "fleet-load");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** Runs every client for {@code duration}; returns once all have stopped. */
    Result run(Duration duration) {
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(clients.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients.size(); c++) {
                int client = c;
                running.add(threads.submit(() -> drive(clients.get(client), client, deadline, outcomes)));
            }
            for (Future<?> client : running) {
                client.get(duration.toSeconds() + 60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("a load client failed", e);
        } finally {
            threads.shutdownNow();
        }
        return new Result(List.copyOf(outcomes), started, System.nanoTime());
    }

    private void drive(Script script, int client, long deadline, List<Outcome> outcomes) {
        int next = client;
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            Outcome outcome = script.step(instances.get(next % instances.size()));
            next++;
            outcomes.add(outcome);
            if (outcome.answer().status() == Answer.NO_ANSWER) {
                // A dead instance refuses at once: pause rather than spin on it.
                FleetDatabase.pause(Duration.ofMillis(20));
            }
        }
    }

    /** Everything a run recorded, in the order the requests finished. */
    record Result(List<Outcome> outcomes, long startedNanos, long endedNanos) {

        long sent() {
            return outcomes.size();
        }

        List<Acknowledged> acknowledged() {
            return outcomes.stream()
                    .map(Outcome::acknowledged)
                    .filter(java.util.Objects::nonNull)
                    .toList();
        }

        long count(Predicate<Outcome> which) {
            return outcomes.stream().filter(which).count();
        }

        List<Outcome> where(Predicate<Outcome> which) {
            return outcomes.stream().filter(which).toList();
        }

        double seconds() {
            return (endedNanos - startedNanos) / 1e9;
        }

        /** Every answer that was not 2xx, counted by operation, status and detail. */
        String refusals() {
            return outcomes.stream()
                    .filter(outcome -> !outcome.answer().ok())
                    .collect(Collectors.groupingBy(
                            outcome ->
                                    outcome.operation() + " " + outcome.answer().statusAndDetail(),
                            TreeMap::new,
                            Collectors.counting()))
                    .toString();
        }

        /**
         * Seconds from {@code fromNanos} until the first 2xx answer, among the requests {@code which} that started
         * from then on, arrived; NaN when none did.
         */
        double firstSuccessAfter(long fromNanos, Predicate<Outcome> which) {
            return outcomes.stream()
                    .filter(which)
                    .filter(outcome -> outcome.startedNanos() >= fromNanos
                            && outcome.answer().ok())
                    .mapToDouble(outcome ->
                            (outcome.startedNanos() + outcome.answer().elapsedMillis() * 1_000_000 - fromNanos) / 1e9)
                    .min()
                    .orElse(Double.NaN);
        }

        /** Acknowledged commands per second over the whole run. */
        double throughput() {
            return acknowledged().size() / seconds();
        }
    }

    static Predicate<Outcome> status(int status) {
        return outcome -> outcome.answer().status() == status;
    }

    static Predicate<Outcome> serverError() {
        return outcome -> outcome.answer().serverError();
    }

    static Predicate<Outcome> startedBetween(long fromNanos, long toNanos) {
        return outcome -> outcome.startedNanos() >= fromNanos && outcome.startedNanos() < toNanos;
    }

    static Predicate<Outcome> on(int instance) {
        return outcome -> outcome.instance() == instance;
    }
}
