package dev.custos.api.export;

/**
 * A payload file's stored bytes are not the ones its source records: the blob is damaged or the record is wrong.
 * The export that met it stored nothing.
 */
public class PayloadIntegrityFailure extends RuntimeException {

    public PayloadIntegrityFailure(String message) {
        super(message);
    }
}
