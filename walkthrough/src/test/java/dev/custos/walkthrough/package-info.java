/** The README's walkthrough run against {@code ./custos run}: its own bash blocks, and a client generated from the document. */
package dev.custos.walkthrough;
