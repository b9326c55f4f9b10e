package dev.custos.walkthrough;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fenced bash blocks of one "## " section of a Markdown file, read from the file itself so they cannot drift. */
final class ReadmeSection {

    private ReadmeSection() {}

    static List<String> bashBlocks(Path markdown, String heading) throws IOException {
        List<String> lines = Files.readAllLines(markdown, StandardCharsets.UTF_8);
        int start = lines.indexOf("## " + heading);
        if (start < 0) {
            throw new IllegalStateException(markdown + " has no section \"## " + heading + "\"");
        }
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (block == null && line.startsWith("## ")) {
                break;
            }
            if (block == null && line.equals("```bash")) {
                block = new StringBuilder();
            } else if (block != null && line.equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        if (block != null) {
            throw new IllegalStateException("an unclosed bash block in \"## " + heading + "\" of " + markdown);
        }
        return blocks;
    }
}
