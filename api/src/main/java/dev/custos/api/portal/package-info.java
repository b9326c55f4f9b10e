/** The public authority portal: token exchange, session reads through definer functions, signed downloads, the page. */
package dev.custos.api.portal;
