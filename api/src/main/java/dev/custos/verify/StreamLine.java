package dev.custos.verify;

import java.util.OptionalLong;

import dev.custos.events.chain.ChainEncoding;
import dev.custos.events.chain.ChainedEvent;
import tools.jackson.databind.JsonNode;

/** One line of the stream: its place in the chain, the event its link covers, and the hashes the service wrote. */
record StreamLine(long seq, ChainedEvent event, byte[] prevHash, byte[] hash) {

    /** Parses line {@code lineNumber} with the chain's JSON settings (decimals stay exact, see {@link JsonFields}).
     *  Until the line's own seq is read, failures name the seq expected there. */
    static StreamLine parse(String text, long lineNumber, long expectedSeq) throws VerificationFailure {
        String where = "line " + lineNumber + " (expected seq " + expectedSeq + ")";
        JsonFields fields = JsonFields.of(JsonFields.parse(text, where), where);
        long seq = fields.number("seq");
        fields = fields.at("line " + lineNumber + " (seq " + seq + ")");
        ChainedEvent event = new ChainedEvent(fields.text("event_id"), fields.text("event_type"),
                fields.nullableText("event_revision"), fields.nullableText("aggregate_type"),
                fields.nullableText("aggregate_id"), fields.number("aggregate_sequence"),
                fields.text("occurred_at"), fields.present("payload"));
        return new StreamLine(seq, event, ChainEncoding.unhex(fields.hash("prev_hash")),
                ChainEncoding.unhex(fields.hash("hash")));
    }

    /** The seq of a line, or empty when it has none: only to describe a failure already found on the line before. */
    static OptionalLong seqOf(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        try {
            JsonNode seq = JsonFields.parse(text, "").get("seq");
            return seq != null && seq.isIntegralNumber() && seq.canConvertToLong()
                    ? OptionalLong.of(seq.asLong()) : OptionalLong.empty();
        } catch (VerificationFailure notJson) {
            return OptionalLong.empty();
        }
    }
}
