/** Small shared pieces of HTTP handling: reading bodies, ids and paging, dispatching commands, describing routes. */
package dev.custos.api.support;
