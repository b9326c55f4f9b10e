/** The embedded default's servers, PostgreSQL and S3Proxy on a data directory: development and tests only. */
package dev.custos.embedded;
