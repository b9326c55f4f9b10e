package dev.custos.events.wire;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The field may be null on the wire: in an answer it is sent as {@code null}, in a request it may be null or left out.
 * Every other field of an answer is always present and never null; the OpenAPI document says so, and a test holds
 * the real answers to it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Nullable {}
