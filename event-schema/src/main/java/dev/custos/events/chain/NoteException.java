package dev.custos.events.chain;

/**
 * A signed note, verifier key or checkpoint that is malformed or does not verify. The message says which and names
 * keys by name and id only: it may be shown to an operator or sent back to a peer.
 */
public final class NoteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoteException(String message) {
        super(message);
    }
}
