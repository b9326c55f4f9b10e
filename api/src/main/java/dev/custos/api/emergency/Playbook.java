package dev.custos.api.emergency;

import java.util.Map;

/**
 * {@code POST /api/operator/emergency/runs/{id}/export-playbook}: the run's timeline as reusable steps, and the
 * sha256 of the playbook's canonical JSON, so that anyone can check the bytes they were given.
 */
public record Playbook(Map<String, Object> playbook, String playbookSha256) {
}
