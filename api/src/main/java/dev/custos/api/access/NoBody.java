package dev.custos.api.access;

/** The body of an action that reads none. */
public record NoBody() {

    static final NoBody NONE = new NoBody();
}
