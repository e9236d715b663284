/**
 * Four-eyes release of the core models (issue 15, rule 4). A new version of one of the
 * {@link io.supplyguard.release.CoreModels} deployed by anyone but the application's own start-up
 * (Camunda Modeler through {@code /engine-rest/deployment/create}, the Java API, an administrator) is
 * held: the engine keeps it under a held key that nothing starts, and a leader other than its author
 * decides in Tasklist (process {@code model-release}, a form showing what changed). Until a leader
 * approves, every start by key — SupplyGuard's starters, Tasklist, engine REST, call activities, the
 * kernel's decision — finds the approved version, because that is still the latest of its key.
 * Approval deploys the author's models unchanged; a rejected version stays suspended with the
 * leader's reason. Owns tables {@code model_release} and {@code model_release_resource}.
 */
package io.supplyguard.release;
