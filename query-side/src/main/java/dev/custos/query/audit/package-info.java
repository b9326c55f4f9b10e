/** The audit chain: extending each tenant's hash chain as events become final, its signed heads, and the auditor's reads. */
package dev.custos.query.audit;
