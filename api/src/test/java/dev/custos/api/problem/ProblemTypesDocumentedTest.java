package dev.custos.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The contract's table of problem types is the catalogue: same types, statuses and titles, in the same order. */
class ProblemTypesDocumentedTest {

    private static final Path CONTRACT = Path.of("..", "docs", "API.md");
    private static final Pattern ROW = Pattern.compile("^\\| `(/problems/[a-z-]+)` \\| (\\d{3}) \\| ([^|]+) \\|");

    @Test
    void theContractListsEveryTypeWithItsStatusAndTitle() throws IOException {
        String contract = Files.readString(CONTRACT);
        String section = contract.substring(contract.indexOf("## Problem types"));
        List<String> documented = section.lines()
                .map(ROW::matcher)
                .filter(Matcher::find)
                .map(row ->
                        row.group(1) + " " + row.group(2) + " " + row.group(3).strip())
                .toList();
        List<String> catalogue = ProblemType.all().stream()
                .map(type -> type.uri() + " " + type.status().value() + " " + type.title())
                .toList();
        assertThat(documented).containsExactlyElementsOf(catalogue);
    }

    @Test
    void keysAreStableLowerCaseWordsAndUnique() {
        List<String> keys = ProblemType.all().stream().map(ProblemType::key).toList();
        assertThat(keys).doesNotHaveDuplicates().allMatch(key -> key.matches("[a-z]+(-[a-z]+)*"));
    }
}
