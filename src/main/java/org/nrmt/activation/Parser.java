package org.nrmt.activation;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for the activation grammar (theory/activations.md):
 * <pre>
 * sum     := product (('+' | '-') product)*
 * product := unary (('*' | '/') unary)*
 * unary   := ('-' | '+') unary | power
 * power   := atom ('^' unary)?            right-associative, binds tighter than unary minus
 * atom    := number | 'x' | 'pi' | 'e' | name | name '(' sum (',' sum)* ')' | '(' sum ')'
 * </pre>
 */
final class Parser {

    private enum Type {
        NUMBER,
        NAME,
        OP,
        LPAREN,
        RPAREN,
        COMMA,
        END
    }

    private record Token(Type type, String text, int column) {}

    private final List<Token> tokens;
    private int pos;
    private int depth;
    private static final int MAX_DEPTH = 200;
    /** Bounds the height of the tree, so that recursive evaluation cannot overflow the stack. */
    private static final int MAX_TOKENS = 2000;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Expr parse(String text) {
        if (text == null) {
            throw new ActivationSyntaxException("empty activation, got null", 1, "");
        }
        List<Token> tokens = lex(text);
        if (tokens.size() == 1) {
            throw new ActivationSyntaxException("empty activation at column 1", 1, "");
        }
        if (tokens.size() > MAX_TOKENS) {
            throw error("activation too long (more than " + MAX_TOKENS + " tokens)", tokens.get(MAX_TOKENS));
        }
        Parser p = new Parser(tokens);
        Expr e = p.sum();
        Token t = p.peek();
        if (t.type != Type.END) {
            throw error("unexpected '" + t.text + "' after the expression", t);
        }
        return e;
    }

    private static ActivationSyntaxException error(String what, Token t) {
        return new ActivationSyntaxException(what + " at column " + t.column, t.column, t.text);
    }

    // ---- lexer ----

    private static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int col = 1;
        int n = s.length();
        while (i < n) {
            int c = s.codePointAt(i);
            int len = Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i += len;
                col++;
                continue;
            }
            int start = i;
            int startCol = col;
            if (isDigit(c) || c == '.' && i + 1 < n && isDigit(s.charAt(i + 1))) {
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                }
                if (i < n && s.charAt(i) == '.') {
                    i++;
                    while (i < n && isDigit(s.charAt(i))) {
                        i++;
                    }
                }
                if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                    int j = i + 1;
                    if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                        j++;
                    }
                    if (j < n && isDigit(s.charAt(j))) {
                        i = j;
                        while (i < n && isDigit(s.charAt(i))) {
                            i++;
                        }
                    }
                }
                if (i - start > 1000) {
                    Token t = new Token(Type.NUMBER, s.substring(start, start + 20) + "...", startCol);
                    throw error("number too long", t);
                }
                out.add(new Token(Type.NUMBER, s.substring(start, i), startCol));
                col += i - start;
                continue;
            }
            if (isNameStart(c)) {
                while (i < n && isNamePart(s.charAt(i))) {
                    i++;
                }
                out.add(new Token(Type.NAME, s.substring(start, i), startCol));
                col += i - start;
                continue;
            }
            Type type = switch (c) {
                case '+', '-', '*', '/', '^' -> Type.OP;
                case '(' -> Type.LPAREN;
                case ')' -> Type.RPAREN;
                case ',' -> Type.COMMA;
                default -> null;
            };
            String tokenText = new String(Character.toChars(c));
            if (type == null) {
                throw error(
                        "unexpected character '" + printable(tokenText) + "'", new Token(Type.OP, tokenText, startCol));
            }
            out.add(new Token(type, tokenText, startCol));
            i += len;
            col++;
        }
        out.add(new Token(Type.END, "", col));
        return out;
    }

    private static String printable(String t) {
        int c = t.codePointAt(0);
        if (Character.isISOControl(c) || !Character.isDefined(c)) {
            return String.format("U+%04X", c);
        }
        return t;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNamePart(int c) {
        return isNameStart(c) || isDigit(c);
    }

    // ---- parser ----

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private boolean atOp(String op) {
        Token t = peek();
        return t.type == Type.OP && t.text.equals(op);
    }

    private Expr sum() {
        Expr e = product();
        while (atOp("+") || atOp("-")) {
            Expr.Op op = next().text.equals("+") ? Expr.Op.ADD : Expr.Op.SUB;
            e = new Expr.Binary(op, e, product());
        }
        return e;
    }

    private Expr product() {
        Expr e = unary();
        while (atOp("*") || atOp("/")) {
            Expr.Op op = next().text.equals("*") ? Expr.Op.MUL : Expr.Op.DIV;
            e = new Expr.Binary(op, e, unary());
        }
        return e;
    }

    private Expr unary() {
        if (++depth > MAX_DEPTH) {
            throw error("expression nested too deeply (more than " + MAX_DEPTH + " levels)", peek());
        }
        try {
            return unaryBody();
        } finally {
            depth--;
        }
    }

    private Expr unaryBody() {
        if (atOp("-")) {
            next();
            return new Expr.Negate(unary());
        }
        if (atOp("+")) {
            next();
            return unary();
        }
        return power();
    }

    private Expr power() {
        Expr base = atom();
        if (atOp("^")) {
            next();
            return new Expr.Binary(Expr.Op.POW, base, unary());
        }
        return base;
    }

    private Expr atom() {
        Token t = next();
        switch (t.type) {
            case NUMBER:
                try {
                    return Expr.Constant.ofLiteral(t.text);
                } catch (RuntimeException ex) {
                    throw error("number out of range '" + t.text + "'", t);
                }
            case LPAREN: {
                Expr e = sum();
                expectRParen();
                return e;
            }
            case NAME:
                return name(t);
            case END:
                throw error("unexpected end of input, expected a number, x, a function or '('", t);
            default:
                throw error("unexpected '" + t.text + "', expected a number, x, a function or '('", t);
        }
    }

    private void expectRParen() {
        Token t = peek();
        if (t.type != Type.RPAREN) {
            throw error("expected ')'" + (t.type == Type.END ? "" : " but found '" + t.text + "'"), t);
        }
        next();
    }

    private Expr name(Token t) {
        String name = t.text;
        boolean call = peek().type == Type.LPAREN;
        switch (name) {
            case "x":
            case "pi":
            case "e":
                if (call) {
                    throw error("'" + name + "' is not a function", t);
                }
                return name.equals("x") ? Expr.Variable.X : name.equals("pi") ? Expr.Constant.PI : Expr.Constant.E;
            case "linear":
            case "hardtanh": {
                Expr arg = Expr.Variable.X;
                if (call) {
                    List<Expr> args = arguments(t, 1);
                    arg = args.get(0);
                }
                return name.equals("linear")
                        ? arg
                        : new Expr.Call(Function.CLAMP, arg, new Expr.Negate(Expr.Constant.ONE), Expr.Constant.ONE);
            }
            default:
                break;
        }
        Function fn = Function.fromSymbol(name);
        if (fn == null) {
            // a one-letter name reads as a variable (y), a longer one as a misspelt function (tanhh)
            boolean function = call || name.length() > 1;
            throw error((function ? "unknown function '" : "unknown variable '") + name + "'", t);
        }
        if (!call) {
            if (fn.arity() != 1) {
                throw error("function '" + name + "' needs " + fn.arity() + " arguments", t);
            }
            return new Expr.Call(fn, Expr.Variable.X);
        }
        return new Expr.Call(fn, arguments(t, fn.arity()));
    }

    private List<Expr> arguments(Token fnToken, int arity) {
        next(); // '('
        List<Expr> args = new ArrayList<>();
        if (peek().type == Type.RPAREN) {
            throw error("function '" + fnToken.text + "' takes " + arity + " argument(s), got 0", fnToken);
        }
        args.add(sum());
        while (peek().type == Type.COMMA) {
            next();
            args.add(sum());
        }
        Token t = peek();
        if (t.type != Type.RPAREN) {
            String expected = args.size() < arity ? "expected ','" : "expected ')'";
            throw error(expected + (t.type == Type.END ? "" : " but found '" + t.text + "'"), t);
        }
        if (args.size() != arity) {
            throw error("function '" + fnToken.text + "' takes " + arity + " argument(s), got " + args.size(), fnToken);
        }
        next();
        return args;
    }
}
