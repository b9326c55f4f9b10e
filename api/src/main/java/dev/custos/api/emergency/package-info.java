/** The emergency operations (P2.18-B.3): runs, their scopes, record packs, playbooks, sharing and the dashboard. */
package dev.custos.api.emergency;
