/** The read model of emergency runs: runs, their scope grants and record packs, and their captures. */
package dev.custos.query.emergency;
