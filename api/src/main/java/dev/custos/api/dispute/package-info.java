/** Dispute operations: disputes, their materials, and defense packs assembled, exported and shared. */
package dev.custos.api.dispute;
