package dev.custos.api.fleet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fleet's HTTP client: every request carries a timeout, so a hanging service shows up as a slow answer or
 * {@link Answer#NO_ANSWER}, never as a stuck test. It never retries: what the service answered is what is recorded.
 */
final class FleetHttp implements AutoCloseable {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fleet-http");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .executor(executor)
            .build();

    Answer get(URI uri, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(uri).GET(), headers);
    }

    Answer postJson(URI uri, Map<String, String> headers, Object body) {
        Map<String, String> withType = new LinkedHashMap<>(headers);
        withType.put("Content-Type", "application/json");
        return send(
                HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))),
                withType);
    }

    Answer postBytes(URI uri, Map<String, String> headers, byte[] body) {
        return send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body)), headers);
    }

    private Answer send(HttpRequest.Builder request, Map<String, String> headers) {
        headers.forEach(request::header);
        request.timeout(REQUEST_TIMEOUT);
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Retry-After"),
                    response.body(),
                    millisSince(started));
        } catch (IOException e) {
            return Answer.none(millisSince(started), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.none(millisSince(started), e);
        }
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
