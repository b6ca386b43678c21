/**
 * The sync over HTTP: admins start a run and read run records. Thin: starting, resuming and the lease are in
 * {@code org.jbp.sync.control}.
 */
package org.jbp.sync.boundary;
