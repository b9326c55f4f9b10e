package dev.custos.api.audit.witness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.events.chain.Ed25519;
import dev.custos.events.chain.NoteVerifierKey;
import dev.custos.events.chain.SignedNote;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** {@code CUSTOS_AUDIT_WITNESSES} binds as the service binds its configuration: comma-separated entries. */
class WitnessPropertiesTest {

    @Test
    void theEnvironmentVariableBindsToOneWitnessPerEntry() throws Exception {
        NoteVerifierKey first = cosignerKey("witness.example/w1");
        NoteVerifierKey second = cosignerKey("other.example/w");
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "env",
                        Map.of(
                                "CUSTOS_AUDIT_WITNESSES",
                                first + " https://witness.example/w1, " + second + " http://127.0.0.1:8099/")));

        WitnessProperties bound = Binder.get(environment)
                .bind("custos.audit", WitnessProperties.class)
                .get();

        assertThat(bound.parsed())
                .containsExactly(
                        new Witness(first, URI.create("https://witness.example/w1")),
                        new Witness(second, URI.create("http://127.0.0.1:8099/")));
        assertThat(bound.parsed().get(1).addCheckpoint()).isEqualTo(URI.create("http://127.0.0.1:8099/add-checkpoint"));
    }

    @Test
    void unsetMeansNoWitness() {
        assertThat(new Binder(ConfigurationPropertySources.from(new MapPropertySource("none", Map.of())))
                        .bindOrCreate("custos.audit", WitnessProperties.class)
                        .parsed())
                .isEqualTo(List.of());
    }

    private static NoteVerifierKey cosignerKey(String name) throws Exception {
        return NoteVerifierKey.of(
                name,
                SignedNote.COSIGNATURE_V1,
                Ed25519.raw(KeyPairGenerator.getInstance("Ed25519")
                        .generateKeyPair()
                        .getPublic()));
    }
}
