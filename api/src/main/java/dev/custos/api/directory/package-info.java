/** The tenant directory over HTTP: tenants, members, circles and circle members. */
package dev.custos.api.directory;
