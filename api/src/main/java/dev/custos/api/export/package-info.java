/** Exports of a source object (a claim dossier, a defense pack) as zipped BagIt bags streamed into blob storage. */
package dev.custos.api.export;
