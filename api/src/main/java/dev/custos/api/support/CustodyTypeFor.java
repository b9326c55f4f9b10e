package dev.custos.api.support;

import dev.custos.events.custody.CustodyType;
import dev.custos.events.custody.CustodyType.Use;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request field naming a custody type that can be used so: the allowed keys are the catalogue's
 * ({@link CustodyType#keys}), not a pattern spelled out beside it, so a new type needs no edit here. The API
 * document lists them as the field's enum (OpenApiConfiguration).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@Constraint(validatedBy = CustodyTypeFor.Check.class)
public @interface CustodyTypeFor {

    Use value();

    /** Unused: the message names the keys, which an annotation constant cannot. */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Absent is the business of {@code @NotNull}; present must be a key of the use. */
    class Check implements ConstraintValidator<CustodyTypeFor, String> {

        private Use use;

        @Override
        public void initialize(CustodyTypeFor annotation) {
            use = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || CustodyType.allows(use, value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // The words a pattern of the keys gave: "must be one of a|b|c" (keys hold no template characters).
            context.buildConstraintViolationWithTemplate("must be one of " + String.join("|", CustodyType.keys(use)))
                    .addConstraintViolation();
            return false;
        }
    }
}
