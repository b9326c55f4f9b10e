/** The read model of insurance claims: claims, their evidence and their dossiers. */
package dev.custos.query.insurance;
