package dev.custos.events.canonical;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper for code that reads or writes JSON as trees (stored payloads, the portal functions' answers,
 * audit lines) outside Spring's reach: upcasters, projections, readers. Jackson's defaults, built once; a mapper is
 * thread-safe. The mappers that differ do so on purpose, and say why where they are made: the chain's (exact
 * decimals), the operator audit's payloads (snake case) and the portal's stored times.
 */
public final class PlainJson {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private PlainJson() {}
}
