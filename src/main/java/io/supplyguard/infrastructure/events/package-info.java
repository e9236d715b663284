/** Dispatch of after-commit application events off the publishing thread. */
@org.springframework.modulith.NamedInterface("events")
package io.supplyguard.infrastructure.events;
