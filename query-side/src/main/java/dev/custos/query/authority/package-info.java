/** The authority read model: grants, scopes, tokens and the access log, for the tenant's operators. */
package dev.custos.query.authority;
