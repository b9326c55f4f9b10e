package dev.custos.api.operator;

import static dev.custos.api.support.ApiDocs.operation;
import static dev.custos.api.support.ApiDocs.tenantScoped;
import static dev.custos.api.support.ApiDocs.withQuery;

import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.custos.api.tenancy.TenantContextFilter;
import dev.custos.query.operator.RoleAssignmentView;

/** Routes of the operator roles and audit surface (P2.18-B.2, B.4). */
@Configuration(proxyBeanMethods = false)
class OperatorRoutes {

    private static final String TAG = "operator";

    @Bean
    RouterFunction<ServerResponse> operatorRouter(OperatorRoleHandler roles, OperatorEventHandler events,
                                                     TenantContextFilter tenantContext) {
        return SpringdocRouteBuilder.route()
                .GET("/api/operator/roles", roles::list, withQuery(tenantScoped(operation(TAG, "listOperatorRoles",
                        "The tenant's operator roles and role assignments", null, 200, RolesResponse.class)),
                        "limit", "offset"))
                .POST("/api/operator/roles/assign", roles::assign, tenantScoped(operation(TAG, "assignOperatorRole",
                        "Assign an operator role, tenant-wide or for one circle", AssignRoleRequest.class, 201,
                        RoleAssignmentView.class)))
                .POST("/api/operator/roles/assignments/{id}/revoke", roles::revoke, tenantScoped(operation(TAG,
                        "revokeOperatorRole", "Revoke a role assignment", RevokeRoleRequest.class, 200,
                        RoleAssignmentView.class, "id")))
                .GET("/api/operator/events", events::list, withQuery(tenantScoped(operation(TAG, "listOperatorEvents",
                        "The operator audit log, newest first", null, 200, OperatorEventsResponse.class)),
                        "action_key", "subject_type", "subject_id", "operator_individual_id", "circle_id", "limit",
                        "offset"))
                .filter(tenantContext)
                .build();
    }
}
