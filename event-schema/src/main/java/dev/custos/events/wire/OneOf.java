package dev.custos.events.wire;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The field takes one value of a closed set: the listed {@link #value() values}, or the keys of the enums in
 * {@link #keysOf()} (each enum's {@code key()}). The OpenAPI document lists the set as the field's enum, so a
 * generated client can refuse anything else before sending it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface OneOf {

    String[] value() default {};

    Class<? extends Enum<?>>[] keysOf() default {};
}
