package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.support.Jwts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The token policy's rows of issue 8, each a correctly signed token that must still be refused or read right. */
class TokenPolicyIT extends IntegrationTest {

    private static String signed(JWTClaimsSet.Builder claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        jwt.sign(new MACSigner(Jwts.SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static JWTClaimsSet.Builder valid() {
        return new JWTClaimsSet.Builder()
                .subject(UUID.randomUUID().toString())
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)));
    }

    /** The status a tenant creation answers, which needs the admin scope. */
    private int createTenantWith(String token) {
        return http().post()
                .uri("/api/tenants")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Policy", "first_operator_individual_id", UUID.randomUUID()))
                .exchange()
                .expectBody()
                .returnResult()
                .getStatus()
                .value();
    }

    @Test
    void aTokenWithoutExpiryIsRefused() throws Exception {
        assertThat(createTenantWith(signed(valid().expirationTime(null).claim("scope", "custos:admin"))))
                .isEqualTo(401);
    }

    @Test
    void aTokenIssuedBeyondTheSkewInTheFutureIsRefusedButWithinItIsAccepted() throws Exception {
        assertThat(createTenantWith(
                        signed(valid().issueTime(Date.from(Instant.now().plusSeconds(3600)))
                                .claim("scope", "custos:admin"))))
                .isEqualTo(401);
        assertThat(createTenantWith(
                        signed(valid().notBeforeTime(Date.from(Instant.now().plusSeconds(3600)))
                                .claim("scope", "custos:admin"))))
                .isEqualTo(401);
        assertThat(createTenantWith(
                        signed(valid().issueTime(Date.from(Instant.now().plusSeconds(20)))
                                .claim("scope", "custos:admin"))))
                .isEqualTo(201);
    }

    @Test
    void aTokenWithoutIatIsAcceptedForOnlyExpIsRequired() throws Exception {
        assertThat(createTenantWith(signed(valid().issueTime(null).claim("scope", "custos:admin"))))
                .isEqualTo(201);
        // Without iat, the other times still hold: an expired one, or one not valid yet, is refused.
        assertThat(createTenantWith(signed(valid().issueTime(null)
                        .expirationTime(Date.from(Instant.now().minusSeconds(3600)))
                        .claim("scope", "custos:admin"))))
                .isEqualTo(401);
        assertThat(createTenantWith(signed(valid().issueTime(null)
                        .notBeforeTime(Date.from(Instant.now().plusSeconds(3600)))
                        .claim("scope", "custos:admin"))))
                .isEqualTo(401);
    }

    @Test
    void anIatBeyondTheSkewIsRefusedEvenThoughIatIsOptional() throws Exception {
        assertThat(createTenantWith(
                        signed(valid().issueTime(Date.from(Instant.now().plusSeconds(90)))
                                .claim("scope", "custos:admin"))))
                .isEqualTo(401);
        assertThat(createTenantWith(
                        signed(valid().issueTime(Date.from(Instant.now().minusSeconds(86_400)))
                                .claim("scope", "custos:admin"))))
                .isEqualTo(201);
    }

    @Test
    void scopesAsAStringOrAnArrayOfExactStringsAreRecognised() throws Exception {
        assertThat(createTenantWith(signed(valid().claim("scope", List.of("custos:admin")))))
                .isEqualTo(201);
        assertThat(createTenantWith(signed(valid().claim("scp", "openid custos:admin"))))
                .isEqualTo(201);
        assertThat(createTenantWith(signed(valid().claim("scp", List.of("openid", "custos:admin")))))
                .isEqualTo(201);
    }

    @Test
    void scopesOfAnyOtherShapeGrantNothing() throws Exception {
        assertThat(createTenantWith(signed(valid().claim("scope", Map.of("k", "x custos:admin y")))))
                .isEqualTo(403);
        assertThat(createTenantWith(signed(valid().claim("scope", List.of("a", "custos:admin ", "b")))))
                .isEqualTo(403);
        assertThat(createTenantWith(signed(valid().claim("scope", List.of("a custos:admin")))))
                .isEqualTo(403);
        assertThat(createTenantWith(signed(valid().claim("scope", "custos:administrator"))))
                .isEqualTo(403);
    }

    @Test
    void onlyTheCanonicalLowerCaseUuidIsASubject() throws Exception {
        assertThat(createTenantWith(signed(valid().subject("1-1-1-1-1").claim("scope", "custos:admin"))))
                .isEqualTo(401);
        assertThat(createTenantWith(
                        signed(valid().subject(UUID.randomUUID().toString().toUpperCase(Locale.ROOT))
                                .claim("scope", "custos:admin"))))
                .isEqualTo(401);
    }
}
