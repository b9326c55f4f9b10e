/** Authorization before dispatch: who may act on which object, decided from tenant, circle and role before any command. */
package dev.custos.api.access;
