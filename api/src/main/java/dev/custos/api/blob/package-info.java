/** Blob storage on any S3-compatible store: streaming uploads with hashing, read-back, deletion, signed downloads. */
package dev.custos.api.blob;
