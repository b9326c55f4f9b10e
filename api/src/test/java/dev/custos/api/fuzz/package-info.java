/** The OpenAPI-driven fuzzer's parts: the world it acts in, the requests it makes, and how it makes them. */
package dev.custos.api.fuzz;
