package dev.custos.api.access;

import dev.custos.query.access.ObjectKind;

/**
 * What an operator action acts on, and so how the gate decides it. The object of {@link Mode#OBJECT} and
 * {@link Mode#CIRCLE} is named by the route's {@code {id}}.
 */
public record Target(Mode mode, ObjectKind kind) {

    public enum Mode {
        /** Nothing in particular: the role must count here (a listing, a view). */
        ANYWHERE,
        /** A new object, of the circle the body names, else of the request's circle, else of the whole tenant. */
        CREATE,
        /** The tenant itself: a tenant-wide role only. */
        TENANT,
        /** A circle itself: every member sees the directory, so only reach counts. */
        CIRCLE,
        /** An existing object: it must be visible (404) and within the role's reach (403). */
        OBJECT
    }

    static final Target ANYWHERE = new Target(Mode.ANYWHERE, null);
    static final Target CREATE = new Target(Mode.CREATE, null);
    static final Target TENANT = new Target(Mode.TENANT, null);
    static final Target CIRCLE = new Target(Mode.CIRCLE, ObjectKind.CIRCLE);

    static Target object(ObjectKind kind) {
        return new Target(Mode.OBJECT, kind);
    }

    /** Whether the route's {@code {id}} names an object the gate must find first. */
    boolean locates() {
        return kind != null;
    }
}
