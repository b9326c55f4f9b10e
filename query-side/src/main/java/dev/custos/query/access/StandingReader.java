package dev.custos.query.access;

import dev.custos.query.tenancy.TenantScope;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads a caller's {@link Standing} in one statement, and so in one round trip: the operator-action pipeline's
 * only read before it decides. The object's circle is found under the caller's row-level security, so a hidden
 * object is simply not there.
 *
 * <p>This is the one read that does not go through {@code TenantReads}: {@code custos_operator_standing}
 * enters the tenant itself, with transaction-local settings, inside the implicit transaction of the statement that
 * calls it. An explicit transaction would cost three more round trips (BEGIN, set_config, ROLLBACK) on the hottest
 * path there is, for the same isolation.
 */
@Component
public class StandingReader {

    private static final String STANDING = "SELECT tenant_member, circle_member, tenant_wide, in_circle, circles, "
            + "target_found, target_circle FROM custos_operator_standing($1, $2, $3, $4, $5, $6)";

    private final DatabaseClient database;

    public StandingReader(DatabaseClient database) {
        this.database = database;
    }

    /**
     * The standing for {@code roleKey} ({@code null}: any operator role) in {@code requestCircleId} ({@code null}:
     * none), and the object {@code kind}/{@code objectId} when both are given.
     */
    public Mono<Standing> standing(
            TenantScope scope, String roleKey, UUID requestCircleId, ObjectKind kind, UUID objectId) {
        boolean withTarget = kind != null && objectId != null;
        GenericExecuteSpec statement =
                database.sql(STANDING).bind(0, scope.tenantId()).bind(1, scope.individualId());
        statement = roleKey == null ? statement.bindNull(2, String.class) : statement.bind(2, roleKey);
        statement = requestCircleId == null ? statement.bindNull(3, UUID.class) : statement.bind(3, requestCircleId);
        statement = withTarget
                ? statement.bind(4, kind.key()).bind(5, objectId)
                : statement.bindNull(4, String.class).bindNull(5, UUID.class);
        return statement
                .map(row -> new Standing(
                        Boolean.TRUE.equals(row.get("tenant_member", Boolean.class)),
                        requestCircleId == null || Boolean.TRUE.equals(row.get("circle_member", Boolean.class)),
                        Boolean.TRUE.equals(row.get("tenant_wide", Boolean.class)),
                        Boolean.TRUE.equals(row.get("in_circle", Boolean.class)),
                        Set.of(row.get("circles", UUID[].class)),
                        withTarget && Boolean.TRUE.equals(row.get("target_found", Boolean.class))
                                ? new Located(kind, objectId, row.get("target_circle", UUID.class))
                                : null))
                .first();
    }
}
