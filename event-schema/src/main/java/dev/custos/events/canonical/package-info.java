/** Canonical JSON: the byte-exact form that manifests are hashed in, so anyone can recompute a hash. */
package dev.custos.events.canonical;
