package dev.custos.api.audit.witness;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code CUSTOS_AUDIT_WITNESSES}: the witnesses that cosign each tenant's signed tree heads, separated by commas,
 * each {@code <verifier key> <submission URL>}: the witness's C2SP cosigner key (type {@code 0x04},
 * {@code <name>+<key id>+<base64>}) and the URL prefix its {@code /add-checkpoint} lives under, e.g.
 * {@code witness.example/w1+8c4b1bde+BKs... https://witness.example/w1}. Unset or empty, no witness is asked.
 */
@ConfigurationProperties("custos.audit")
public record WitnessProperties(List<String> witnesses) {

    public WitnessProperties {
        witnesses = witnesses == null ? List.of() : List.copyOf(witnesses);
    }

    /** The configured witnesses, each entry parsed; a malformed entry stops the start with a message naming it. */
    public List<Witness> parsed() {
        return witnesses.stream()
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(Witness::parse)
                .toList();
    }
}
