package io.supplyguard.customer;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Rules that span several fields of a {@link CustomerRegistration}; each violation names its field. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ConsistentRegistrationValidator.class)
@interface ConsistentRegistration {

    String message() default "inconsistent customer registration";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
