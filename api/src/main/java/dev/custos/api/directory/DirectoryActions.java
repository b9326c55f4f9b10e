package dev.custos.api.directory;

import static dev.custos.events.operator.OperatorRoleKey.PLATFORM_OPERATOR;

import dev.custos.api.access.ActionSpec;
import dev.custos.api.access.RequiredRole;
import dev.custos.command.authority.GrantLifetime;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * The directory's operator actions, as the operator-action pipeline runs them. Members and circles are not in the
 * operator audit log (the contract audits the {@code /api/operator/} routes, roles and the tenant's settings);
 * their events are the record.
 */
final class DirectoryActions {

    private static final RequiredRole PLATFORM = RequiredRole.of(PLATFORM_OPERATOR);

    static final ActionSpec<SetGrantLifetimeRequest> SET_GRANT_LIFETIME = ActionSpec.post(
                    "/api/tenants/settings/grant-lifetime", PLATFORM)
            .onTenant()
            .body(SetGrantLifetimeRequest.class)
            .audited("tenant_grant_lifetime_set", "tenant");

    static final ActionSpec<AddMemberRequest> ADD_TENANT_MEMBER = ActionSpec.post("/api/tenants/members", PLATFORM)
            .onTenant()
            .body(AddMemberRequest.class)
            .answers(HttpStatus.CREATED);

    static final ActionSpec<CreateCircleRequest> CREATE_CIRCLE = ActionSpec.post("/api/circles", PLATFORM)
            .onTenant()
            .body(CreateCircleRequest.class)
            .answers(HttpStatus.CREATED);

    static final ActionSpec<AddMemberRequest> ADD_CIRCLE_MEMBER = ActionSpec.post("/api/circles/{id}/members", PLATFORM)
            .onCircle()
            .body(AddMemberRequest.class)
            .answers(HttpStatus.CREATED);

    static final List<ActionSpec<?>> ALL =
            List.of(SET_GRANT_LIFETIME, ADD_TENANT_MEMBER, CREATE_CIRCLE, ADD_CIRCLE_MEMBER);

    private DirectoryActions() {}

    /** {@code POST /api/tenants/members} and {@code POST /api/circles/{id}/members} (which ignores the name). */
    public record AddMemberRequest(
            @NotNull UUID individualId, @Size(max = 200) String displayName) {}

    /** {@code POST /api/circles}. */
    public record CreateCircleRequest(
            UUID circleId, @NotBlank @Size(max = 200) String name) {}

    /** {@code POST /api/tenants/settings/grant-lifetime}. */
    public record SetGrantLifetimeRequest(
            @NotNull @Min(1) @Max(GrantLifetime.MAX_DAYS) Integer maxGrantLifetimeDays) {}
}
