/** RFC 9457 problem answers: one shape for every error, and nothing internal in any of them. */
package dev.custos.api.problem;
