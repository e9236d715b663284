/** Shared PDF plumbing: the CJK font every Chinese PDF embeds and a simple top-to-bottom page layout. */
@org.springframework.modulith.NamedInterface("pdf")
package io.supplyguard.infrastructure.pdf;
