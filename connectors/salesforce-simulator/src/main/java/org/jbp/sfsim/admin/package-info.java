/**
 * The simulator's own HTTP control API ({@code /sim/admin/...}, JSON): fault injection, the call counter,
 * record inspection and seeding, for tests in other processes and for the demo. Depends on the
 * {@code Org}, {@code fault}, {@code soap} and {@code store}.
 */
package org.jbp.sfsim.admin;
