package dev.custos.events.upcasting;

import dev.custos.events.authority.AuthorityGrantCreated;
import dev.custos.events.canonical.PlainJson;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Revision 1 of {@link AuthorityGrantCreated} carried the passcode's hash; revision 2 only says that a passcode is
 * required. This reads a revision-1 event as revision 2 by dropping the hash: the stored bytes stay as they are
 * (the audit chain covers them), and the hash itself was copied into its own table by migration V26.
 */
public final class AuthorityGrantCreatedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(AuthorityGrantCreated.class.getName(), "2");

    private static final JsonMapper JSON = PlainJson.MAPPER;

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return AuthorityGrantCreated.class.getName().equals(event.getType().getName())
                && "1".equals(event.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcast(
                REVISION_2,
                byte[].class,
                bytes -> {
                    ObjectNode payload = (ObjectNode) JSON.readTree(bytes);
                    payload.remove("passcodeHash");
                    return JSON.writeValueAsBytes(payload);
                },
                metaData -> metaData);
    }
}
