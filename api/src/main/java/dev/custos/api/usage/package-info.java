/** Usage (the seed's "monetization events"): what the tenant's billable operator actions add up to over a period. */
package dev.custos.api.usage;
