/** What the HTTP document says of a record's fields that Java's types cannot: which may be null, which sets are closed. */
package dev.custos.events.wire;
