package dev.custos.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the bash blocks of the README's "Try it with curl", read from the README, in one bash session against
 * {@code ./custos run}, and checks what they got: the README cannot drift from the service again.
 *
 * <p>The test maps only what a reader's machine decides: {@code localhost:8080} to this run's port and {@code data/}
 * to its data directory. The session runs in a scratch directory (what the walkthrough writes lands there, not in
 * the checkout), where {@code ./custos} is the checkout's script and {@code curl} is wrapped to record every answer's
 * status and body.
 */
@ExtendWith(RunningCustosExtension.class)
class ReadmeWalkthroughIT {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final List<String> EXTRACTED_IDS =
            List.of("TENANT", "EVIDENCE", "BUNDLE", "HOLD", "GRANT", "RUN", "CLAIM", "DOSSIER");

    /** Records "status method url" a line, and the answer's body in answers/<line number>; passes the body on. */
    private static final String RECORDING_CURL = """
            curl() {
              local answer status
              answer="$ANSWERS/$(( $(wc -l < "$STATUSES") + 1 ))"
              status=$(command curl -o "$answer" -w '%{http_code} %{method} %{url_effective}' "$@") || true
              printf '%s\\n' "$status" >> "$STATUSES"
              [ -f "$answer" ] && cat "$answer"
              return 0
            }
            """;

    /** The checkout's script, called from the scratch directory; records "exit command" a line. */
    private static final String RECORDING_CUSTOS = """
            ./custos() {
              local exit=0
              "$CUSTOS" "$@" || exit=$?
              printf '%s %s\\n' "$exit" "$1" >> "$CUSTOS_CALLS"
              return "$exit"
            }
            """;

    @Test
    void theReadmeWalkthroughRunsAsWritten(
            RunningCustos custos, @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path session)
            throws IOException, InterruptedException {
        List<String> blocks = ReadmeSection.bashBlocks(custos.checkout().resolve("README.md"), "Try it with curl");
        assertThat(blocks)
                .as("bash blocks in the README's \"Try it with curl\"")
                .hasSizeGreaterThanOrEqualTo(4);
        Files.copy(custos.checkout().resolve("README.md"), session.resolve("README.md"));
        Path statuses = Files.createFile(session.resolve("statuses"));
        Path answers = Files.createDirectory(session.resolve("answers"));
        Path progress = Files.createFile(session.resolve("progress"));
        Path ids = session.resolve("ids");
        Path custosCalls = Files.createFile(session.resolve("custos-calls"));

        StringBuilder script = new StringBuilder("set -euo pipefail\n")
                .append(variable("STATUSES", statuses))
                .append(variable("ANSWERS", answers))
                .append(variable("CUSTOS", custos.checkout().resolve("custos")))
                .append(variable("CUSTOS_CALLS", custosCalls))
                .append(RECORDING_CURL)
                .append(RECORDING_CUSTOS);
        for (int i = 0; i < blocks.size(); i++) {
            script.append(mapped(blocks.get(i), custos))
                    .append("\nprintf '%s\\n' ")
                    .append(i)
                    .append(" >> ")
                    .append(quoted(progress))
                    .append('\n');
        }
        script.append("for name in ")
                .append(String.join(" ", EXTRACTED_IDS))
                .append("; do printf '%s=%s\\n' \"$name\" \"${!name}\"; done > ")
                .append(quoted(ids))
                .append('\n');
        Path scriptFile = Files.writeString(session.resolve("walkthrough.sh"), script, StandardCharsets.UTF_8);

        ProcessBuilder bash = new ProcessBuilder("bash", scriptFile.toString())
                .directory(session.toFile())
                .redirectErrorStream(true)
                .redirectOutput(session.resolve("walkthrough.log").toFile());
        custos.environmentOf(bash.environment());
        Process walkthrough = bash.start();
        if (!walkthrough.waitFor(5, TimeUnit.MINUTES)) {
            walkthrough.descendants().forEach(ProcessHandle::destroyForcibly);
            walkthrough.destroyForcibly();
        }
        String log = Files.readString(session.resolve("walkthrough.log"), StandardCharsets.UTF_8);

        assertThat(walkthrough.isAlive())
                .as("the walkthrough ran longer than five minutes")
                .isFalse();
        assertThat(walkthrough.exitValue())
                .as(
                        "bash exit (set -euo pipefail; the last block ends with ./custos verify-audit) in %s:\n%s",
                        session, log)
                .isZero();
        assertThat(Files.readAllLines(progress)).as("blocks run to their end").hasSize(blocks.size());

        assertThat(Files.readAllLines(custosCalls))
                .as("./custos calls: exit status and command")
                .contains("0 token", "0 verify-audit")
                .allMatch(call -> call.startsWith("0 "));

        Map<String, String> extracted = readIds(ids);
        assertThat(extracted.keySet()).containsExactlyInAnyOrderElementsOf(EXTRACTED_IDS);
        extracted.forEach((name, value) ->
                assertThat(value).as("$%s, extracted by the README's sed", name).matches(UUID_TEXT));

        List<String> answered = Files.readAllLines(statuses);
        assertThat(answered).as("curl calls answered").hasSizeGreaterThanOrEqualTo(curlCalls(blocks));
        String heldEvidence = custos.baseUri() + "/api/evidence/" + extracted.get("EVIDENCE");
        List<String> portalIndexes = new ArrayList<>();
        String export = null;
        for (int line = 1; line <= answered.size(); line++) {
            String[] answer = answered.get(line - 1).split(" ", 3);
            assertThat(answer).as("answer %d: %s", line, answered.get(line - 1)).hasSize(3);
            String status = answer[0];
            String call = answer[1] + " " + answer[2];
            if (call.equals("DELETE " + heldEvidence)) {
                assertThat(status).as("%s: destroying held evidence", call).isEqualTo("409");
            } else {
                assertThat(status)
                        .as("%s answered %s", call, body(answers, line))
                        .startsWith("2");
            }
            if (call.equals("GET " + custos.baseUri() + "/p/authority/index")) {
                portalIndexes.add(body(answers, line));
            }
            if (call.endsWith("/api/operator/insurance/dossiers/" + extracted.get("DOSSIER") + "/export")) {
                export = body(answers, line);
            }
        }
        assertThat(answered).as("the documented 409").anyMatch(line -> line.equals("409 DELETE " + heldEvidence));
        assertThat(portalIndexes)
                .as("the adjuster's and the run's portal index")
                .hasSize(2);
        assertThat(portalIndexes.get(0)).contains("\"bundle_id\":\"" + extracted.get("BUNDLE") + "\"");
        assertThat(portalIndexes.get(1)).contains("\"bundle_id\":\"");
        assertThat(export).as("the dossier's export answer").containsPattern("\"sha256\":\"[0-9a-f]{64}\"");
        assertThat(session.resolve("stream.ndjson")).isNotEmptyFile();
        assertThat(session.resolve("checkpoints.json")).isNotEmptyFile();
    }

    /** Only what a reader's machine decides: the port and the data directory. */
    private static String mapped(String block, RunningCustos custos) {
        return block.replace("localhost:8080", "localhost:" + custos.port())
                .replaceAll("(?<![\\w./-])data/", Matcher.quoteReplacement(custos.dataDirectory() + "/"));
    }

    private static int curlCalls(List<String> blocks) {
        Matcher curl = Pattern.compile("(?m)(^|[\\s(])curl\\s").matcher(String.join("\n", blocks));
        int calls = 0;
        while (curl.find()) {
            calls++;
        }
        assertThat(calls).as("curl calls in the README's blocks").isPositive();
        return calls;
    }

    private static Map<String, String> readIds(Path ids) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(ids)) {
            int equals = line.indexOf('=');
            values.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return values;
    }

    private static String body(Path answers, int line) throws IOException {
        Path answer = answers.resolve(Integer.toString(line));
        return Files.exists(answer) ? Files.readString(answer, StandardCharsets.UTF_8) : "(no body)";
    }

    private static String variable(String name, Path value) {
        return name + "=" + quoted(value) + "\n";
    }

    private static String quoted(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "'\\''") + "'";
    }
}
