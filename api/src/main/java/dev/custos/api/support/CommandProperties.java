package dev.custos.api.support;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The command workers: {@code CUSTOS_COMMAND_WORKERS} threads (16) run commands, at most
 * {@code CUSTOS_COMMAND_QUEUE} (256) wait for one, and none waits longer than {@code CUSTOS_COMMAND_MAX_WAIT} (2 s)
 * before it is answered 503 untouched.
 */
@ConfigurationProperties("custos.commands")
public record CommandProperties(Integer workers, Integer queue, Duration maxWait) {

    public int effectiveWorkers() {
        return workers == null ? 16 : workers;
    }

    public int effectiveQueue() {
        return queue == null ? 256 : queue;
    }

    public Duration effectiveMaxWait() {
        return maxWait == null ? Duration.ofSeconds(2) : maxWait;
    }
}
