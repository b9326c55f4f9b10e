package dev.custos.api.support;

import dev.custos.api.support.IntegrationTest.Caller;
import java.util.Map;
import java.util.UUID;

/** Emergency runs for the tests, made through the API. */
public final class Runs {

    private Runs() {}

    /**
     * A run of {@code operator} (an emergency operator) with one capture and its record pack; answers the run's
     * share-authority path, ready to share the pack.
     */
    public static String withARecordPack(Caller operator) {
        Map<?, ?> run = operator.post(
                        "/api/operator/emergency/runs/start", Map.of("run_type", "flood", "title", "Basement flood"))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        String path = "/api/operator/emergency/runs/" + run.get("id");
        Evidence.uploadFor(operator, "x-emergency-run-id", UUID.fromString((String) run.get("id")), "Photo");
        operator.post(path + "/generate-record-pack", Map.of()).expectStatus().isCreated();
        return path + "/share-authority";
    }
}
