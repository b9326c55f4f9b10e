/** The operator read model: roles, role assignments and the operator audit log. */
package dev.custos.query.operator;
