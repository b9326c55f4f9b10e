/** Grant management for the tenant's operators: grants, scopes, share tokens, revocation and access analytics. */
package dev.custos.api.authority;
