package dev.custos.api.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The suite's figures, one Markdown table row per scenario appended to {@code target/fleet/figures.md}, written
 * before a test asserts anything so that a failing run still leaves its numbers. "–" is a figure that does not
 * apply to the scenario.
 */
final class Figures {

    private static final String HEADER = "| when (UTC) | test | scenario | instances | sent | acknowledged | lost "
            + "| duplicated | spurious 409 | 5xx during fault | 5xx after recovery | s to first success "
            + "| acknowledged/s | notes |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";

    private final String test;
    private final String scenario;
    private int instances;
    private long sent;
    private long acknowledged;
    private String lost = "–";
    private String duplicated = "–";
    private String spurious409 = "–";
    private String fiveXxDuring = "–";
    private String fiveXxAfter = "–";
    private String firstSuccess = "–";
    private String throughput = "–";
    private String notes = "";

    private Figures(String test, String scenario) {
        this.test = test;
        this.scenario = scenario;
    }

    static Figures row(Class<?> test, String scenario) {
        return new Figures(test.getSimpleName(), scenario);
    }

    /** The counts every load run has: requests, acknowledgements, the store's comparison, 409s, and the rate. */
    Figures load(Load.Result result, EventStore.Comparison store, long spurious409s) {
        this.sent = result.sent();
        this.acknowledged = store.acknowledged();
        this.lost = Long.toString(store.lost());
        this.duplicated = Long.toString(store.duplicated());
        this.spurious409 = Long.toString(spurious409s);
        this.throughput = String.format(Locale.ROOT, "%.1f", result.throughput());
        return this;
    }

    Figures instances(int count) {
        this.instances = count;
        return this;
    }

    Figures sent(long count) {
        this.sent = count;
        return this;
    }

    Figures acknowledged(long count) {
        this.acknowledged = count;
        return this;
    }

    Figures spurious409(long count) {
        this.spurious409 = Long.toString(count);
        return this;
    }

    Figures lost(long count) {
        this.lost = Long.toString(count);
        return this;
    }

    Figures duplicated(long count) {
        this.duplicated = Long.toString(count);
        return this;
    }

    Figures serverErrors(long during, long after) {
        this.fiveXxDuring = Long.toString(during);
        this.fiveXxAfter = Long.toString(after);
        return this;
    }

    Figures firstSuccessAfter(double seconds) {
        this.firstSuccess = Double.isNaN(seconds) ? "never" : String.format(Locale.ROOT, "%.2f", seconds);
        return this;
    }

    Figures notes(String text) {
        this.notes = text.replace("|", "/").replace("\n", " ");
        return this;
    }

    void append() {
        Path file = Path.of(System.getProperty("custos.fleet.dir", "target/fleet"))
                .toAbsolutePath()
                .resolve("figures.md");
        String row = String.join(
                        " | ",
                        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                        test,
                        scenario,
                        Integer.toString(instances),
                        Long.toString(sent),
                        Long.toString(acknowledged),
                        lost,
                        duplicated,
                        spurious409,
                        fiveXxDuring,
                        fiveXxAfter,
                        firstSuccess,
                        throughput,
                        notes)
                + " |\n";
        synchronized (Figures.class) {
            try {
                Files.createDirectories(file.getParent());
                if (!Files.exists(file)) {
                    Files.writeString(file, HEADER, StandardCharsets.UTF_8);
                }
                Files.writeString(file, "| " + row, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
