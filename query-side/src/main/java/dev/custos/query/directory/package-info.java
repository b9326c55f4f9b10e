/** The tenant directory read model: tenants, members, circles and circle members. */
package dev.custos.query.directory;
