package org.nrmt.activation;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The built-in functions of the activation language (theory/activations.md, "Grammar").
 * {@link #symbol()} is the name as written in an expression.
 */
public enum Function {
    SIN(1),
    COS(1),
    TAN(1),
    ATAN(1),
    EXP(1),
    LOG(1),
    SQRT(1),
    ABS(1),
    SIGN(1),
    STEP(1),
    TANH(1),
    SINH(1),
    COSH(1),
    ERF(1),
    ERFC(1),
    SIGMOID(1),
    SOFTPLUS(1),
    RELU(1),
    GELU(1),
    SILU(1),
    MAX(2),
    MIN(2),
    CLAMP(3),
    LEAKY_RELU(2);

    private static final Map<String, Function> BY_SYMBOL = new HashMap<>();

    static {
        for (Function f : values()) {
            BY_SYMBOL.put(f.symbol, f);
        }
    }

    private final int arity;
    private final String symbol;

    Function(int arity) {
        this.arity = arity;
        this.symbol = name().toLowerCase(Locale.ROOT);
    }

    /** Number of arguments. */
    public int arity() {
        return arity;
    }

    /** The name as in the grammar, e.g. {@code leaky_relu}. */
    public String symbol() {
        return symbol;
    }

    /** The function written {@code symbol}, or null if there is none. */
    public static Function fromSymbol(String symbol) {
        return BY_SYMBOL.get(symbol);
    }

    @Override
    public String toString() {
        return symbol;
    }
}
