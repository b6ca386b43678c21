package org.jbp.incentive.control;

/** A condition that does not parse, with the 1-based character position at fault. */
public class ConditionSyntaxException extends RuntimeException {

    private final int position;

    public ConditionSyntaxException(int position, String message) {
        super("at position " + position + ": " + message);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
