package org.jbp.canvas.control;

/**
 * A signed request that must not be trusted. The reason is for the server log only: the caller gets a
 * bare 401, so an attacker learns nothing about which check failed.
 */
public class CanvasRejected extends Exception {

    public CanvasRejected(String reason) {
        super(reason, null, false, false);
    }
}
