/**
 * Blob storage on any S3-compatible store: streaming uploads with hashing (read from a body or written as produced),
 * streamed reads, deletion, signed downloads.
 */
package dev.custos.api.blob;
