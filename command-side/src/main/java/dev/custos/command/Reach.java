package dev.custos.command;

import static dev.custos.command.Rules.require;

import java.util.Set;
import java.util.UUID;

/**
 * How far the acting operator reaches, as the API resolved it before dispatch: the role counts tenant-wide, or in
 * one circle only (the request's {@code x-circle-id}); and which circles the operator is a member of, which is what
 * they can see. This is the one Java home of the contract's circle rule; the API decides with it before a command
 * is sent, and every aggregate that knows its own circle decides with it again, so an action that the API forgot to
 * check is still refused, and refused before anything is applied.
 */
public record Reach(boolean tenantWide, UUID roleCircleId, Set<UUID> visibleCircles) {

    /** What the rule says of one object, in the order the contract checks it: visibility first. */
    public enum Decision {
        ALLOWED,
        INVISIBLE,
        OUT_OF_REACH
    }

    public Reach {
        visibleCircles = Set.copyOf(visibleCircles);
        if (!tenantWide && roleCircleId == null) {
            throw new IllegalArgumentException("a circle reach needs its circle");
        }
    }

    public static Reach tenantWide(Set<UUID> visibleCircles) {
        return new Reach(true, null, visibleCircles);
    }

    public static Reach circle(UUID roleCircleId, Set<UUID> visibleCircles) {
        return new Reach(false, roleCircleId, visibleCircles);
    }

    /** Tenant-wide objects ({@code circleId} null) are seen by every member; a circle's objects by its members. */
    public boolean sees(UUID objectCircleId) {
        return objectCircleId == null || visibleCircles.contains(objectCircleId);
    }

    /** A tenant-wide role acts on every object; a circle role only on the objects of its own circle. */
    public boolean reaches(UUID objectCircleId) {
        return tenantWide || roleCircleId.equals(objectCircleId);
    }

    public Decision decide(UUID objectCircleId) {
        if (!sees(objectCircleId)) {
            return Decision.INVISIBLE;
        }
        return reaches(objectCircleId) ? Decision.ALLOWED : Decision.OUT_OF_REACH;
    }

    /** Refuses, as the contract answers it, an action on an object of {@code objectCircleId}. */
    public void requireActOn(UUID objectCircleId, String noun) {
        Decision decision = decide(objectCircleId);
        require(decision != Decision.INVISIBLE, CommandRefused.Reason.NOT_FOUND, "no such " + noun);
        require(
                decision != Decision.OUT_OF_REACH,
                Refusal.OUT_OF_REACH,
                "the operator's role does not reach this " + noun);
    }

    /**
     * Refuses an action on a circle itself (its membership, say). Circles are part of the tenant's directory, which
     * every member sees, so only reach counts: a circle role manages its own circle and no other.
     */
    public void requireReachesCircle(UUID circleId) {
        require(reaches(circleId), Refusal.OUT_OF_REACH, "the operator's role does not reach this circle");
    }

    /**
     * Refuses an object that would be added to (or shown by) a container of {@code containerCircleId} but belongs
     * to another circle: a circle's grant or hold never takes in another circle's objects.
     */
    public static void requireSameCircle(UUID containerCircleId, UUID addedCircleId, String noun) {
        require(
                fitsIn(containerCircleId, addedCircleId),
                CommandRefused.Reason.NOT_FOUND,
                "no such " + noun + " in this circle");
    }

    /** Whether an object of {@code addedCircleId} may go into a container of {@code containerCircleId}. */
    public static boolean fitsIn(UUID containerCircleId, UUID addedCircleId) {
        return addedCircleId == null || addedCircleId.equals(containerCircleId);
    }
}
