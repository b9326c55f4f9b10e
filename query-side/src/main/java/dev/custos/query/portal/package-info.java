/** The public portal's only way into the database: the SECURITY DEFINER functions, as the portal role. */
package dev.custos.query.portal;
