package dev.custos.api.audit.witness;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.function.ToLongFunction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The configured witnesses, and the one call the checkpoint signer makes: {@link #cosign}. Each witness is asked in
 * turn, with a connection timeout of 2 s and 5 s for each answer, so one slow witness delays the others by at most
 * that; the caller runs this on a scheduled worker.
 */
@Component
public class Witnesses {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final List<Witness> witnesses;
    private final WitnessClient client;

    @Autowired
    public Witnesses(WitnessProperties properties) {
        this(properties.parsed(), CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    Witnesses(List<Witness> witnesses, Duration connectTimeout, Duration requestTimeout) {
        this.witnesses = List.copyOf(witnesses);
        this.client = new WitnessClient(
                HttpClient.newBuilder()
                        .connectTimeout(connectTimeout)
                        .version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                requestTimeout);
    }

    /** The configured witnesses, in configuration order. */
    public List<Witness> all() {
        return witnesses;
    }

    /**
     * Asks every configured witness to cosign {@code signedNote}, the tenant's new checkpoint as the log signed it
     * (its size is read from it), and answers one outcome per witness, in configuration order.
     *
     * @param lastKnownSize the size each witness last cosigned for this log, as recorded from earlier
     *     {@link WitnessOutcome.Cosigned} outcomes; 0 when none (the witness then says what it holds, and is asked
     *     again once from there)
     * @param proofs the log's consistency proofs, asked only for sizes the new checkpoint's tree extends
     * @throws dev.custos.events.chain.NoteException if {@code signedNote} is no signed checkpoint
     */
    public List<WitnessOutcome> cosign(
            String signedNote, ToLongFunction<Witness> lastKnownSize, ConsistencyProofs proofs) {
        return witnesses.stream()
                .map(witness -> client.addCheckpoint(witness, signedNote, lastKnownSize.applyAsLong(witness), proofs))
                .toList();
    }
}
