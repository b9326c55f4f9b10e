package dev.custos.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.events.chain.SecretFields;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No event carries a secret: every field of every event type's payload (each {@code @Revision} class, and the
 * records nested in it, through lists too) is checked against the secrets {@link SecretFields} names, and against
 * a wider net of names that look secret. A new field caught by the net fails here until it is either moved out of
 * the event or added below with the reason it is no secret.
 */
class NoSecretInAnyEventTest {

    /**
     * Names that look secret, compared in lower case without underscores: a passcode, password, secret, private or
     * signing key, raw or session token, credential or salt anywhere in the name, or a name ending in token, key,
     * hash or signature.
     */
    private static final Pattern LOOKS_SECRET = Pattern.compile(
            ".*(passcode|password|passphrase|secret|privatekey|signingkey|rawtoken|sessiontoken|credential|salt).*"
                    + "|.*(token|key|hash|signature)");

    /** Fields caught by the net that hold no secret, each with its reason (as {@code Event.field}). */
    private static final Map<String, String> NO_SECRET = Map.ofEntries(
            Map.entry(
                    "AuthorityTokenIssued.tokenHash",
                    "the SHA-256 of a share token of 32 random bytes: a lookup "
                            + "key that cannot be reversed or guessed offline (2^256 candidates), unlike a passcode's hash; "
                            + "presenting a token needs the raw token, which is shown once and never stored"),
            Map.entry("AuthorityGrantCreated.requirePasscode", "a flag that a passcode is required, not the passcode"),
            Map.entry(
                    "EvidenceCaptured.blobKey",
                    "the object's name in the blob store, not a credential: reading "
                            + "it needs the store's own keys, which no event holds"),
            Map.entry("EvidenceDestroyed.blobKey", "the same object name, of the object destroyed"),
            Map.entry("AdoptedRoleAssignment.roleKey", "the name of a role, such as legal_operator"),
            Map.entry("OperatorRoleAssigned.roleKey", "the name of a role"),
            Map.entry("OperatorRoleRevoked.roleKey", "the name of a role"),
            Map.entry("EmergencyRunScopeGranted.scopeKey", "the name of a scope, such as site_access"));

    @Test
    void noEventFieldIsASecretOrLooksLikeOne() throws Exception {
        Set<String> caught = new TreeSet<>();
        Set<String> secret = new TreeSet<>();
        for (Class<?> event : EventWireFormatTest.revisionedClasses()) {
            walk(event, event.getSimpleName(), caught, secret, new HashSet<>());
        }
        assertThat(secret).as("fields that SecretFields names as secret").isEmpty();
        assertThat(caught)
                .as("fields that look secret: move the secret out of the event, or add the field to "
                        + "NO_SECRET with the reason it is none")
                .isSubsetOf(NO_SECRET.keySet());
    }

    /** The net catches what SecretFields redacts, so a secret that moved out once is caught if it comes back. */
    @Test
    void theNetCatchesEverySecretThatIsRedacted() {
        for (String name : Set.of("passcodeHash", "passcode_hash")) {
            assertThat(SecretFields.isSecret(name)).as(name).isTrue();
            assertThat(looksSecret(name)).as(name).isTrue();
        }
        assertThat(looksSecret("tokenId")).isFalse();
        assertThat(looksSecret("requirePasscode"))
                .as("a flag that a passcode is needed is caught, and " + "checked by hand")
                .isTrue();
    }

    private static void walk(Class<?> type, String owner, Set<String> caught, Set<String> secret, Set<Class<?>> seen) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String field = owner + "." + component.getName();
            if (SecretFields.isSecret(component.getName())) {
                secret.add(field);
            }
            if (looksSecret(component.getName())) {
                caught.add(field);
            }
            walk(component.getType(), component.getType().getSimpleName(), caught, secret, seen);
            Type generic = component.getGenericType();
            if (generic instanceof ParameterizedType parameterized) {
                for (Type argument : parameterized.getActualTypeArguments()) {
                    if (argument instanceof Class<?> element) {
                        walk(element, element.getSimpleName(), caught, secret, seen);
                    }
                }
            }
        }
    }

    private static boolean looksSecret(String name) {
        return LOOKS_SECRET
                .matcher(name.replace("_", "").toLowerCase(Locale.ROOT))
                .matches();
    }
}
