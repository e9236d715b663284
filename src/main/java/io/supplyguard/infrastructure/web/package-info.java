/** Shared REST plumbing: RFC 7807 problem details and field errors, used by every module's controllers. */
@org.springframework.modulith.NamedInterface("web")
package io.supplyguard.infrastructure.web;
