/** How every read and every projection write is confined to one tenant through PostgreSQL row-level security. */
package dev.custos.query.tenancy;
