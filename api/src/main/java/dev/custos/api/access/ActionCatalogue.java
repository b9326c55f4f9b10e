package dev.custos.api.access;

import java.util.List;

/** A feature's operator actions: its route configuration lists them, and the {@link ActionRegistry} holds them all. */
public interface ActionCatalogue {

    List<ActionSpec<?>> actions();
}
