package org.nrmt.activation;

/** Prints an expression with the fewest parentheses that parse back to the same tree. */
final class Printer {
    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int UNARY = 3;
    private static final int POWER = 4;
    private static final int ATOM = 5;

    private Printer() {}

    static String print(Expr e) {
        StringBuilder sb = new StringBuilder();
        write(e, sb);
        return sb.toString();
    }

    private static int level(Expr e) {
        if (e instanceof Expr.Binary b) {
            return switch (b.op()) {
                case ADD, SUB -> SUM;
                case MUL, DIV -> PRODUCT;
                case POW -> POWER;
            };
        }
        if (e instanceof Expr.Negate) {
            return UNARY;
        }
        return ATOM;
    }

    private static void write(Expr e, StringBuilder sb) {
        if (e instanceof Expr.Constant c) {
            sb.append(c.literal());
        } else if (e instanceof Expr.Variable) {
            sb.append('x');
        } else if (e instanceof Expr.Negate n) {
            sb.append('-');
            writeWrapped(n.arg(), level(n.arg()) <= PRODUCT, sb);
        } else if (e instanceof Expr.Binary b) {
            int l = level(b);
            boolean leftParens;
            boolean rightParens;
            if (b.op() == Expr.Op.POW) {
                leftParens = level(b.left()) <= POWER;
                rightParens = level(b.right()) < UNARY;
            } else {
                leftParens = level(b.left()) < l;
                rightParens = level(b.right()) <= l;
            }
            writeWrapped(b.left(), leftParens, sb);
            sb.append(l == SUM ? " " + b.op().symbol() + " " : b.op().symbol());
            writeWrapped(b.right(), rightParens, sb);
        } else if (e instanceof Expr.Call c) {
            sb.append(c.fn().symbol()).append('(');
            for (int i = 0; i < c.args().size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                write(c.args().get(i), sb);
            }
            sb.append(')');
        }
    }

    private static void writeWrapped(Expr e, boolean parens, StringBuilder sb) {
        if (parens) {
            sb.append('(');
        }
        write(e, sb);
        if (parens) {
            sb.append(')');
        }
    }
}
