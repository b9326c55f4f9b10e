package dev.custos.api;

import dev.custos.verify.VerifyAuditCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the service, or, given {@code verify-audit}, runs the offline audit verifier without starting it. */
@SpringBootApplication(scanBasePackages = "dev.custos")
@ConfigurationPropertiesScan("dev.custos.api")
public class CustosApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "verify-audit".equals(args[0])) {
            System.exit(VerifyAuditCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        // Axon asks a remote server for updates unless told not to; Custos never phones home.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(CustosApplication.class, args);
    }
}
