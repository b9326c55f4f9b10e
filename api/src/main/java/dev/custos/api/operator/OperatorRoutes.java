package dev.custos.api.operator;

import static dev.custos.api.support.ApiDocs.operation;
import static dev.custos.api.support.ApiDocs.tenantScoped;
import static dev.custos.api.support.ApiDocs.withQuery;

import dev.custos.api.access.ActionCatalogue;
import dev.custos.api.access.ActionSpec;
import dev.custos.api.operator.OperatorEventHandler.OperatorEventsResponse;
import dev.custos.api.operator.OperatorRoleHandler.RolesResponse;
import dev.custos.api.operator.RoleActions.AssignRoleRequest;
import dev.custos.api.operator.RoleActions.RevokeRoleRequest;
import dev.custos.query.operator.RoleAssignmentView;
import java.util.List;
import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Routes of the operator roles and audit surface (P2.18-B.2, B.4). */
@Configuration(proxyBeanMethods = false)
class OperatorRoutes implements ActionCatalogue {

    private static final String TAG = "operator";

    @Override
    public List<ActionSpec<?>> actions() {
        return RoleActions.ALL;
    }

    /** Operator actions only: the pipeline checks the tenant context itself, in its one read. */
    @Bean
    RouterFunction<ServerResponse> operatorRouter(OperatorRoleHandler roles, OperatorEventHandler events) {
        return SpringdocRouteBuilder.route()
                .GET(
                        RoleActions.LIST_ROLES.path(),
                        roles::list,
                        withQuery(
                                tenantScoped(operation(
                                        TAG,
                                        "listOperatorRoles",
                                        "The tenant's operator roles and role assignments",
                                        null,
                                        200,
                                        RolesResponse.class)),
                                "limit",
                                "offset"))
                .POST(
                        RoleActions.ASSIGN.path(),
                        roles::assign,
                        tenantScoped(operation(
                                TAG,
                                "assignOperatorRole",
                                "Assign an operator role, tenant-wide or for one circle",
                                AssignRoleRequest.class,
                                201,
                                RoleAssignmentView.class)))
                .POST(
                        RoleActions.REVOKE.path(),
                        roles::revoke,
                        tenantScoped(operation(
                                TAG,
                                "revokeOperatorRole",
                                "Revoke a role assignment",
                                RevokeRoleRequest.class,
                                200,
                                RoleAssignmentView.class,
                                "id")))
                .GET(
                        RoleActions.LIST_EVENTS.path(),
                        events::list,
                        withQuery(
                                tenantScoped(operation(
                                        TAG,
                                        "listOperatorEvents",
                                        "The operator audit log, newest first",
                                        null,
                                        200,
                                        OperatorEventsResponse.class)),
                                "action_key",
                                "subject_type",
                                "subject_id",
                                "operator_individual_id",
                                "circle_id",
                                "limit",
                                "offset"))
                .build();
    }
}
