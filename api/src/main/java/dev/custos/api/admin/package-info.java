/** Platform administration ({@code custos:admin}) that belongs to no tenant: rebuilding the read tables. */
package dev.custos.api.admin;
