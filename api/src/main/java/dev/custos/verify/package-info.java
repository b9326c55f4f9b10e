/** The offline audit verifier: recomputes a tenant's audit chain from its stream and checks the signed checkpoints. */
package dev.custos.verify;
