/** The legal hold read model: holds and what they cover. */
package dev.custos.query.legal;
