package dev.custos.api.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Sends {@code n} requests at the same moment, each from its own thread, released together by one latch. */
final class Concurrently {

    private Concurrently() {}

    /** The answers in request order: {@code request.apply(i)} is request {@code i}. */
    static List<Answer> send(int n, IntFunction<Answer> request) {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Answer>> pending = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                pending.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.apply(index);
                }));
            }
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the request threads did not start");
            }
            go.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> answer : pending) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } catch (Exception e) {
            throw new IllegalStateException("concurrent requests failed", e);
        } finally {
            threads.shutdownNow();
        }
    }
}
