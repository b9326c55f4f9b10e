/** The portal's way into the database: the SECURITY DEFINER functions (as the portal role) and the index they read. */
package dev.custos.query.portal;
