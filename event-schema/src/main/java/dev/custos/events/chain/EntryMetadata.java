package dev.custos.events.chain;

import dev.custos.events.authority.AuthorityAccessAllowed;
import dev.custos.events.authority.AuthorityAccessDenied;
import dev.custos.events.authority.AuthorityDownloadIssued;
import dev.custos.events.authority.AuthorityPasscodeFailed;
import dev.custos.events.authority.AuthorityRateLimited;
import dev.custos.events.operator.ActionMetaData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What an entry of version 2 proves besides the payload: who acted ({@code actor}: the operator's individual id,
 * {@code portal:<token id>} for what a portal reader caused, or {@code system}), the operator action's audit key,
 * the circle it was scoped to, and the client's request id where one was given. Every key is always present, null
 * where it does not apply, so a missing key is a changed line. Nothing here is secret: ids and keys only.
 */
public final class EntryMetadata {

    /** The events a portal reader causes; its token's id is in their payload. */
    private static final Set<String> READER_EVENTS = Set.of(
            AuthorityAccessAllowed.class.getName(),
            AuthorityAccessDenied.class.getName(),
            AuthorityDownloadIssued.class.getName(),
            AuthorityPasscodeFailed.class.getName(),
            AuthorityRateLimited.class.getName());

    private EntryMetadata() {}

    /**
     * The entry metadata of a stored event, from its Axon metadata (null when it has none) and its payload.
     *
     * @param eventType the stored payload type (the event's class name)
     */
    public static Map<String, String> of(String eventType, JsonNode axonMetaData, JsonNode payload) {
        Map<String, String> metadata = new LinkedHashMap<>();
        String operator = text(axonMetaData, ActionMetaData.OPERATOR_ID);
        String token = READER_EVENTS.contains(eventType) ? text(payload, "tokenId") : null;
        metadata.put("actor", operator != null ? operator : token != null ? "portal:" + token : "system");
        metadata.put("action_key", text(axonMetaData, ActionMetaData.ACTION_KEY));
        String circle = text(axonMetaData, ActionMetaData.CIRCLE_ID);
        metadata.put("circle_id", circle != null ? circle : text(payload, "circleId"));
        metadata.put("client_request_id", text(payload, "clientRequestId"));
        return metadata;
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
