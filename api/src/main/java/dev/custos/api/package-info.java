/** The Custos service: the Spring Boot application that wires the write model, the read model and HTTP. */
package dev.custos.api;
