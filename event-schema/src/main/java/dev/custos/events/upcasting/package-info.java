/** Upcasters: how events stored in an older form are read today, each pinned by fixture tests. */
package dev.custos.events.upcasting;
