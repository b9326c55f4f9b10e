package dev.custos.api.support;

/**
 * {@code client_request_id}: at most {@value #MAX_LENGTH} characters of plain text. A key names the request it came
 * with first; a repeat of that request answers the original resource, and the same key with a different request
 * is a 409, never somebody else's resource.
 */
public final class IdempotencyKeys {

    public static final int MAX_LENGTH = 200;

    private IdempotencyKeys() {}
}
