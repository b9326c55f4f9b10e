package dev.custos.events.upcasting;

import dev.custos.events.canonical.PlainJson;
import dev.custos.events.evidence.EvidenceBundleCreated;
import dev.custos.events.evidence.EvidenceCaptured;
import java.util.Set;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Evidence and bundles first belonged to the whole tenant, so their revision-1 creation events name no circle.
 * Read today, such an event says so explicitly: revision 2 with {@code circleId} null. The read tables place
 * those objects in their container's circle (migration V24); the aggregate keeps what its events say, so only a
 * tenant-wide role acts on an object created before circles reached evidence, as it always could.
 */
public final class CircleOwnershipUpcaster extends SingleEventUpcaster {

    private static final Set<String> TYPES =
            Set.of(EvidenceCaptured.class.getName(), EvidenceBundleCreated.class.getName());

    private static final JsonMapper JSON = PlainJson.MAPPER;

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return TYPES.contains(event.getType().getName())
                && "1".equals(event.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(new SimpleSerializedType(event.getType().getName(), "2"), byte[].class, bytes -> {
            ObjectNode payload = (ObjectNode) JSON.readTree(bytes);
            payload.putNull("circleId");
            return JSON.writeValueAsBytes(payload);
        });
    }
}
