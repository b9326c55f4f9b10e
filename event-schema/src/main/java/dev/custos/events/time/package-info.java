/** The one rule for which instants and dates Custos accepts, keeps and serves: 0001-01-01 to 9999-12-31 (UTC). */
package dev.custos.events.time;
