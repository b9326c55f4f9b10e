/** Events of the tenant directory: tenants, their members and their circles. */
package dev.custos.events.directory;
