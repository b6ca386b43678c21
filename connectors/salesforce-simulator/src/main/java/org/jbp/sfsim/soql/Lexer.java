package org.jbp.sfsim.soql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SOQL into tokens. String literals are decoded exactly as Salesforce does: only the documented
 * backslash escapes are accepted, so a quote can never end a literal early and injected text stays text.
 */
final class Lexer {

    private final String soql;
    private int pos;
    private int row = 1;
    private int lineStart;

    Lexer(String soql) {
        this.soql = soql;
    }

    List<Token> tokenize() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (pos >= soql.length()) {
                tokens.add(token(Token.Kind.EOF, "", null, pos));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (pos < soql.length()) {
            char c = soql.charAt(pos);
            if (c == '\n') {
                row++;
                lineStart = pos + 1;
            } else if (!Character.isWhitespace(c)) {
                return;
            }
            pos++;
        }
    }

    private Token token(Token.Kind kind, String text, String like, int start) {
        return new Token(kind, text, like, start, row, start - lineStart + 1);
    }

    private Token next() {
        int start = pos;
        char c = soql.charAt(pos);
        switch (c) {
            case '(':
                pos++;
                return token(Token.Kind.LPAREN, "(", null, start);
            case ')':
                pos++;
                return token(Token.Kind.RPAREN, ")", null, start);
            case ',':
                pos++;
                return token(Token.Kind.COMMA, ",", null, start);
            case ':':
                pos++;
                return token(Token.Kind.COLON, ":", null, start);
            case '\'':
                return string(start);
            case '=':
                pos++;
                return token(Token.Kind.OPERATOR, "=", null, start);
            case '!':
                if (peek(1) == '=') {
                    pos += 2;
                    return token(Token.Kind.OPERATOR, "!=", null, start);
                }
                break;
            case '<':
                if (peek(1) == '=') {
                    pos += 2;
                    return token(Token.Kind.OPERATOR, "<=", null, start);
                }
                if (peek(1) == '>') {
                    pos += 2;
                    return token(Token.Kind.OPERATOR, "!=", null, start);
                }
                pos++;
                return token(Token.Kind.OPERATOR, "<", null, start);
            case '>':
                if (peek(1) == '=') {
                    pos += 2;
                    return token(Token.Kind.OPERATOR, ">=", null, start);
                }
                pos++;
                return token(Token.Kind.OPERATOR, ">", null, start);
            default:
                break;
        }
        if (Character.isDigit(c) || ((c == '-' || c == '+') && Character.isDigit(peek(1)))) {
            return numberOrDate(start);
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < soql.length()) {
                char d = soql.charAt(pos);
                if (Character.isLetterOrDigit(d) || d == '_' || d == '.') {
                    pos++;
                } else {
                    break;
                }
            }
            return token(Token.Kind.IDENT, soql.substring(start, pos), null, start);
        }
        Token bad = token(Token.Kind.IDENT, String.valueOf(c), null, start);
        throw SoqlErrors.malformed(soql, bad, "unexpected token: " + c);
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < soql.length() ? soql.charAt(i) : '\0';
    }

    private Token numberOrDate(int start) {
        if (soql.startsWith("-", pos) || soql.startsWith("+", pos)) {
            pos++;
        }
        while (pos < soql.length() && Character.isDigit(soql.charAt(pos))) {
            pos++;
        }
        // yyyy-MM-dd, optionally followed by Thh:mm:ss(.SSS)(Z|+hh:mm|-hh:mm)
        if (pos - start == 4 && peek(0) == '-' && Character.isDigit(peek(1))) {
            while (pos < soql.length() && (Character.isLetterOrDigit(soql.charAt(pos))
                    || "-:.+".indexOf(soql.charAt(pos)) >= 0)) {
                pos++;
            }
            String text = soql.substring(start, pos);
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return token(Token.Kind.DATE, text, null, start);
            }
            if (text.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:\\d{2})")) {
                return token(Token.Kind.DATETIME, text, null, start);
            }
            throw SoqlErrors.malformed(soql, token(Token.Kind.IDENT, text, null, start),
                    "line " + row + ":" + (start - lineStart) + " no viable alternative at character '" + text + "'");
        }
        if (peek(0) == '.' && Character.isDigit(peek(1))) {
            pos++;
            while (pos < soql.length() && Character.isDigit(soql.charAt(pos))) {
                pos++;
            }
        }
        return token(Token.Kind.NUMBER, soql.substring(start, pos), null, start);
    }

    private Token string(int start) {
        pos++;
        StringBuilder value = new StringBuilder();
        StringBuilder like = new StringBuilder();
        while (pos < soql.length()) {
            char c = soql.charAt(pos);
            if (c == '\'') {
                pos++;
                return token(Token.Kind.STRING, value.toString(), like.toString(), start);
            }
            if (c == '\\') {
                char e = peek(1);
                String decoded = switch (e) {
                    case 'n', 'N' -> "\n";
                    case 'r', 'R' -> "\r";
                    case 't', 'T' -> "\t";
                    case 'b', 'B' -> "\b";
                    case 'f', 'F' -> "\f";
                    case '"' -> "\"";
                    case '\'' -> "'";
                    case '\\' -> "\\";
                    case '%', '_' -> String.valueOf(e);
                    default -> null;
                };
                if (decoded == null) {
                    Token at = token(Token.Kind.STRING, "", null, pos);
                    throw SoqlErrors.malformed(soql, at, "Invalid string literal '" + soql.substring(start,
                            Math.min(soql.length(), pos + 2)) + "'. Illegal character sequence '\\" + e
                            + "' in string literal.");
                }
                value.append(decoded);
                // LIKE keeps \% and \_ (and an escaped backslash) as escapes, so wildcards stay literal.
                if (e == '%' || e == '_' || e == '\\') {
                    like.append('\\').append(e);
                } else {
                    like.append(decoded);
                }
                pos += 2;
                continue;
            }
            if (c == '\n') {
                row++;
                lineStart = pos + 1;
            }
            value.append(c);
            like.append(c);
            pos++;
        }
        Token at = token(Token.Kind.EOF, "", null, start);
        throw SoqlErrors.malformed(soql, at, "line " + at.row() + ":" + (start - lineStart)
                + " mismatched character '<EOF>' expecting '''");
    }
}
