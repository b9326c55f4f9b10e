/** The strict edge: what every request must be before any route, security filter or decoder looks at it. */
package dev.custos.api.edge;
