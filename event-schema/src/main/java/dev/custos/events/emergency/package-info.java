/** Events of emergency runs: starting and resolving a run, granting and revoking its scopes, its record packs. */
package dev.custos.events.emergency;
