package dev.custos.api.blob;

/** An upload passed the size limit; nothing of it was kept. */
public class BlobTooLarge extends RuntimeException {

    public BlobTooLarge(long limit) {
        super("The body is larger than the limit of " + limit + " bytes", null, false, false);
    }
}
