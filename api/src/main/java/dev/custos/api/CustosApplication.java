package dev.custos.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the service. */
@SpringBootApplication(scanBasePackages = "dev.custos")
@ConfigurationPropertiesScan("dev.custos.api")
public class CustosApplication {

    public static void main(String[] args) {
        // Axon asks a remote server for updates unless told not to; Custos never phones home.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(CustosApplication.class, args);
    }
}
