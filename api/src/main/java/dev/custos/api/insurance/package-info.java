/** Insurance operations: claims, their evidence, and dossiers assembled, exported and shared with adjusters. */
package dev.custos.api.insurance;
