/** The operator surface: role checks, role assignment and the operator audit log over HTTP. */
package dev.custos.api.operator;
