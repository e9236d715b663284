/**
 * Customer disputes (issue 18 item 1). A fee-control operator, the reconnection desk or the
 * service channel (95598) records a dispute — over {@code POST /api/customers/{customerNo}/disputes}
 * or the Tasklist start form of process {@code customer-dispute} — with the engine's authenticated
 * user and the server's clock (table {@code dispute}). While one is open the switching kernel
 * refuses every trip of the customer ({@code DISPUTE_OPEN}) and the disconnection waits; a leader
 * or operator resolves it in a task (upheld: the disconnection ends; rejected: it continues, with
 * a fresh notice when the old one is past its validity). Open 3 working days, the task escalates to
 * the leaders. A customer already cut may get an emergency reconnection from the desk.
 */
package io.supplyguard.dispute;
