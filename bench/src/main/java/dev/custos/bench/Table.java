package dev.custos.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The bench's one table, printed as Markdown so it can go into docs/performance.md as it is. */
final class Table {

    private record Row(String what, String clients, String rate, String p50, String p99, String errors, String ratio) {}

    private static final Logger log = LoggerFactory.getLogger(Table.class);

    private final List<Row> rows = new ArrayList<>();

    /** A throughput row; {@code baseline} is what its ratio is taken against (null: it is a baseline). */
    void load(String what, int clients, Load.Result result, Load.Result baseline, String baselineName) {
        String ratio = baseline == null
                ? "baseline"
                : format("%.2f × %s", result.perSecond() / baseline.perSecond(), baselineName);
        rows.add(new Row(
                what,
                String.valueOf(clients),
                format("%,.0f/s", result.perSecond()),
                millis(result.latencies(), 50),
                millis(result.latencies(), 99),
                String.valueOf(result.errors()),
                ratio));
        log.info("{} @{}: {}", what, clients, rows.get(rows.size() - 1));
    }

    /** A latency row; the ratio compares p50 with {@code baseline}'s p50 (null: none). */
    void latency(String what, Histogram histogram, Histogram baseline, String baselineName) {
        String ratio = baseline == null
                ? "—"
                : format(
                        "%.2f × %s (p50)",
                        histogram.getValueAtPercentile(50) / (double) baseline.getValueAtPercentile(50), baselineName);
        rows.add(new Row(what, "1", "—", millis(histogram, 50), millis(histogram, 99), "0", ratio));
        log.info("{}: {}", what, rows.get(rows.size() - 1));
    }

    void fact(String what, String value) {
        rows.add(new Row(what, "—", value, "—", "—", "—", "—"));
        log.info("{}: {}", what, value);
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| What | Clients | Rate | p50 | p99 | Errors | Ratio |\n");
        out.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (Row row : rows) {
            out.append("| ")
                    .append(String.join(
                            " | ",
                            row.what(),
                            row.clients(),
                            row.rate(),
                            row.p50(),
                            row.p99(),
                            row.errors(),
                            row.ratio()))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String millis(Histogram histogram, double percentile) {
        return format("%.2f ms", histogram.getValueAtPercentile(percentile) / 1000.0);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
