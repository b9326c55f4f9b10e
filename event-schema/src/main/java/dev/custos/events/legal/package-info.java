/** Events of legal holds: placing a hold, adding what it covers, and releasing it. */
package dev.custos.events.legal;
