package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.custos.api.fuzz.FuzzedRequest;
import dev.custos.api.fuzz.RequestGenerator;
import dev.custos.api.fuzz.World;
import dev.custos.api.support.IntegrationTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Reads the service's own {@code /v3/api-docs} and sends generated requests to every route: schema-shaped bodies
 * with boundary, wrong-typed, huge, tiny and hostile values, broken JSON, odd ids, headers and credentials. Every
 * answer must be below 500, every error a problem document (the portal's contracted 401 aside), and every answer
 * one the document describes, as Atlassian's validator reads it. The seed and count are fixed in CI
 * ({@code -Dcustos.fuzz.seed}, {@code -Dcustos.fuzz.requests}); the README names the larger profile.
 */
class ApiFuzzIT extends IntegrationTest {

    private static final long SEED = Long.getLong("custos.fuzz.seed", 20261202L);
    private static final int REQUESTS = Integer.getInteger("custos.fuzz.requests", 2000);

    @Test
    void noGeneratedRequestGetsA5xxOrAnAnswerTheDocumentDoesNotDescribe() throws Exception {
        HttpClient client = newClient();
        int reconnects = 0;
        String document = client.send(
                        HttpRequest.newBuilder(URI.create(base() + "/v3/api-docs"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        OpenAPI api = new OpenAPIV3Parser().readContents(document).getOpenAPI();
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                // The requests are wrong on purpose; only the answers are held to the document.
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        World world = World.create(this::createTenant, this::as);
        RequestGenerator generator = new RequestGenerator(api, world, new Random(SEED));

        Map<String, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        String previous = "";
        for (int i = 0; i < REQUESTS; i++) {
            FuzzedRequest request = generator.next();
            String before = previous;
            previous = i + " " + request.describe();
            HttpResponse<String> answer;
            try {
                answer = client.send(request.toHttp(base()), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException unanswered) {
                // A kept-alive connection can be left unusable by an early refusal of a body the client was still
                // sending; the request is sent again on a fresh connection, and only a second silence fails.
                reconnects++;
                System.out.printf("fuzzer: resent %d %s (after %s): %s%n", i, request.describe(), before, unanswered);
                client = newClient();
                try {
                    answer = client.send(request.toHttp(base()), HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException again) {
                    failures.add(i + " " + request.describe() + " (after " + before + ") -> no answer: " + again);
                    continue;
                }
            }
            int status = answer.statusCode();
            statuses.merge(request.operation() + " " + status, 1, Integer::sum);
            problemsWith(request, answer, validator)
                    .forEach(problem -> failures.add(request.describe() + " -> " + status + ": " + problem));
        }
        System.out.printf(
                "fuzzer: %d requests (seed %d), %d failures, %d resent on a fresh connection%n",
                REQUESTS, SEED, failures.size(), reconnects);
        statuses.forEach((key, count) -> System.out.printf("fuzzer:   %s x%d%n", key, count));
        assertThat(failures).as("answers that broke the contract").isEmpty();
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static List<String> problemsWith(
            FuzzedRequest request, HttpResponse<String> answer, OpenApiInteractionValidator validator) {
        List<String> problems = new ArrayList<>();
        int status = answer.statusCode();
        String contentType = answer.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            problems.add("a server error");
        }
        boolean portalRefusal = status == 401 && request.path().startsWith("/p/");
        if (status >= 400 && !portalRefusal && !contentType.startsWith("application/problem+json")) {
            problems.add("an error that is not a problem document (" + contentType + ")");
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status).withBody(answer.body());
        answer.headers().map().forEach((name, values) -> response.withHeader(name, values));
        ValidationReport report = validator.validateResponse(
                request.validationPath(), Request.Method.valueOf(request.method()), response.build());
        report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> "spec: " + message.getKey() + " " + message.getMessage())
                .forEach(problems::add);
        return problems;
    }
}
