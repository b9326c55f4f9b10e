/** Who is calling and for which tenant and circle: the checks every tenant-scoped request passes first. */
package dev.custos.api.tenancy;
