/**
 * Guards on the process engine itself (issue 15): a task writes only its form's fields, a process's
 * business key is its customer number, and a deployment is parsed against an allow-list. Installed
 * as one Camunda process engine plugin ({@link EngineGuardsPlugin}); nothing here is called by other
 * modules.
 */
package io.supplyguard.guard;
