package dev.custos.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custos.api.operator.OperatorAuthorization;
import dev.custos.api.problem.ProblemException;
import dev.custos.api.support.IntegrationTest;
import dev.custos.api.tenancy.RequestContext;
import dev.custos.events.operator.OperatorRoleKey;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The seed's authorization helpers decide as the pipeline's gate does: a tenant-wide assignment counts everywhere
 * in the tenant, a circle assignment only with that circle as the request's, and no assignment nowhere.
 */
class OperatorAuthorizationIT extends IntegrationTest {

    @Autowired
    private OperatorAuthorization authorization;

    @Test
    void aRoleCountsTenantWideOrInItsOwnCircleOnly() {
        UUID platform = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID tenant = createTenant(platform);
        Caller boss = as(platform, tenant);
        boss.addMember(member);
        UUID circle = boss.circleWith(member, platform);
        UUID otherCircle = boss.circleWith(member);
        boss.assign("legal_operator", member, circle);
        boss.assign("insurance_operator", member, null);

        RequestContext noCircle = new RequestContext(tenant, null, member);
        RequestContext inCircle = new RequestContext(tenant, circle, member);
        RequestContext inOtherCircle = new RequestContext(tenant, otherCircle, member);

        assertThat(authorization
                        .isOperatorRole(OperatorRoleKey.LEGAL_OPERATOR, inCircle)
                        .block())
                .isTrue();
        assertThat(authorization
                        .isOperatorRole(OperatorRoleKey.LEGAL_OPERATOR, noCircle)
                        .block())
                .isFalse();
        assertThat(authorization
                        .isOperatorRole(OperatorRoleKey.LEGAL_OPERATOR, inOtherCircle)
                        .block())
                .isFalse();
        assertThat(authorization
                        .isOperatorRole(OperatorRoleKey.INSURANCE_OPERATOR, inOtherCircle)
                        .block())
                .isTrue();
        assertThat(authorization.getOperatorRoles(inCircle).block())
                .containsExactly("insurance_operator", "legal_operator");
        assertThat(authorization.getOperatorRoles(noCircle).block()).containsExactly("insurance_operator");

        authorization
                .requireOperatorRole(OperatorRoleKey.LEGAL_OPERATOR, inCircle)
                .block();
        assertThatThrownBy(() -> authorization
                        .requireOperatorRole(OperatorRoleKey.LEGAL_OPERATOR, noCircle)
                        .block())
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        refused -> assertThat(refused.status().value()).isEqualTo(403));
    }
}
