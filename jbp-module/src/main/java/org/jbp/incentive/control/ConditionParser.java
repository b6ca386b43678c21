package org.jbp.incentive.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recursive-descent parser for incentive conditions. Grammar (keywords case-insensitive):
 * <pre>
 * condition  := or
 * or         := and ( OR and )*
 * and        := unary ( AND unary )*
 * unary      := NOT unary | '(' or ')' | comparison
 * comparison := metric ( '>=' | '>' | '<=' | '<' | '=' | '!=' ) number [ '%' OF TARGET ]
 * metric     := name [ '(' name ')' ]          e.g. revenue_won, certifications_completed(technical)
 * </pre>
 * Metric names are lower-cased and arguments upper-cased, the way KPI actuals are keyed
 * ({@code certifications_completed(TECHNICAL)}). Errors name the 1-based character position.
 */
public final class ConditionParser {

    public static final int MAX_LENGTH = 2000;

    private final String text;
    private final List<Token> tokens;
    private int next;

    private ConditionParser(String text) {
        this.text = text;
        this.tokens = tokenize(text);
    }

    /** Parses or throws {@link ConditionSyntaxException} naming where and what was expected. */
    public static Condition parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ConditionSyntaxException(1, "the condition is empty; write e.g. revenue_won >= 80% of target");
        }
        if (text.length() > MAX_LENGTH) {
            throw new ConditionSyntaxException(MAX_LENGTH + 1, "the condition is longer than " + MAX_LENGTH + " characters");
        }
        ConditionParser parser = new ConditionParser(text);
        Condition condition = parser.or();
        Token extra = parser.peek();
        if (extra.type != Type.END) {
            throw parser.error(extra, "expected AND, OR or the end of the condition");
        }
        return condition;
    }

    private enum Type { NAME, NUMBER, OPERATOR, LPAREN, RPAREN, PERCENT, END }

    private record Token(Type type, String value, int position) {
        boolean isKeyword(String keyword) {
            return type == Type.NAME && value.equalsIgnoreCase(keyword);
        }

        String describe() {
            return type == Type.END ? "the end of the condition" : "'" + value + "'";
        }
    }

    private Condition or() {
        Condition left = and();
        while (peek().isKeyword("OR")) {
            next++;
            left = new Condition.Or(left, and());
        }
        return left;
    }

    private Condition and() {
        Condition left = unary();
        while (peek().isKeyword("AND")) {
            next++;
            left = new Condition.And(left, unary());
        }
        return left;
    }

    private Condition unary() {
        Token t = peek();
        if (t.isKeyword("NOT")) {
            next++;
            return new Condition.Not(unary());
        }
        if (t.type == Type.LPAREN) {
            next++;
            Condition inner = or();
            Token close = peek();
            if (close.type != Type.RPAREN) {
                throw error(close, "expected ')' to close the '(' at position " + t.position);
            }
            next++;
            return inner;
        }
        return comparison();
    }

    private Condition comparison() {
        String metric = metric();
        Token op = peek();
        if (op.type != Type.OPERATOR) {
            throw error(op, "expected a comparison (>=, >, <=, <, =, !=) after " + metric);
        }
        next++;
        Token number = peek();
        if (number.type != Type.NUMBER) {
            throw error(number, "expected a number after '" + op.value + "'");
        }
        next++;
        boolean percent = false;
        if (peek().type == Type.PERCENT) {
            next++;
            Token of = peek();
            if (!of.isKeyword("OF")) {
                throw error(of, "expected 'of target' after '%'");
            }
            next++;
            Token target = peek();
            if (!target.isKeyword("TARGET")) {
                throw error(target, "expected 'target' after 'of'");
            }
            next++;
            percent = true;
        }
        return new Condition.Comparison(metric, operator(op.value), new BigDecimal(number.value), percent);
    }

    private String metric() {
        Token name = peek();
        if (name.type != Type.NAME || isKeyword(name)) {
            throw error(name, "expected a metric such as revenue_won or certifications_completed(technical), or NOT or '('");
        }
        next++;
        String metric = name.value.toLowerCase(Locale.ROOT);
        if (peek().type == Type.LPAREN) {
            next++;
            Token argument = peek();
            if (argument.type != Type.NAME) {
                throw error(argument, "expected a breakdown value such as technical inside " + metric + "( )");
            }
            next++;
            Token close = peek();
            if (close.type != Type.RPAREN) {
                throw error(close, "expected ')' after " + metric + "(" + argument.value);
            }
            next++;
            metric = metric + "(" + argument.value.toUpperCase(Locale.ROOT) + ")";
        }
        return metric;
    }

    private static boolean isKeyword(Token t) {
        return t.isKeyword("AND") || t.isKeyword("OR") || t.isKeyword("NOT") || t.isKeyword("OF") || t.isKeyword("TARGET");
    }

    private static Condition.Operator operator(String symbol) {
        return switch (symbol) {
            case ">=" -> Condition.Operator.GE;
            case ">" -> Condition.Operator.GT;
            case "<=" -> Condition.Operator.LE;
            case "<" -> Condition.Operator.LT;
            case "=", "==" -> Condition.Operator.EQ;
            default -> Condition.Operator.NE;
        };
    }

    private Token peek() {
        return tokens.get(next);
    }

    private ConditionSyntaxException error(Token at, String expected) {
        return new ConditionSyntaxException(at.position, expected + ", found " + at.describe());
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int position = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Type.NAME, text.substring(start, i), position));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < text.length() && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                if (i < text.length() && text.charAt(i) == '.') {
                    i++;
                    if (i >= text.length() || !Character.isDigit(text.charAt(i))) {
                        throw new ConditionSyntaxException(i + 1, "expected a digit after the decimal point");
                    }
                    while (i < text.length() && Character.isDigit(text.charAt(i))) {
                        i++;
                    }
                }
                tokens.add(new Token(Type.NUMBER, text.substring(start, i), position));
            } else if (c == '(' || c == ')') {
                tokens.add(new Token(c == '(' ? Type.LPAREN : Type.RPAREN, String.valueOf(c), position));
                i++;
            } else if (c == '%') {
                tokens.add(new Token(Type.PERCENT, "%", position));
                i++;
            } else if (c == '>' || c == '<' || c == '=' || c == '!') {
                String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
                if (two.equals(">=") || two.equals("<=") || two.equals("==") || two.equals("!=")) {
                    tokens.add(new Token(Type.OPERATOR, two, position));
                    i += 2;
                } else if (two.equals("<>")) {
                    tokens.add(new Token(Type.OPERATOR, "!=", position));
                    i += 2;
                } else if (c == '!') {
                    throw new ConditionSyntaxException(position, "expected '!=' (use NOT to negate)");
                } else {
                    tokens.add(new Token(Type.OPERATOR, String.valueOf(c), position));
                    i++;
                }
            } else {
                throw new ConditionSyntaxException(position, "unexpected character '" + c + "'");
            }
        }
        tokens.add(new Token(Type.END, "", text.length() + 1));
        return tokens;
    }
}
