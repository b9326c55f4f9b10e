/** Where an object lives: whether the caller can see it, and which circle (if any) it belongs to. */
package dev.custos.query.access;
