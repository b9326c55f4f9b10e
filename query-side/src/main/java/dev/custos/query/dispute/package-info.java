/** The read model of disputes: disputes, their materials and their defense packs. */
package dev.custos.query.dispute;
