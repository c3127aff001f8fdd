package com.platform.risk.engine;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.cel.runtime.CelVariableResolver;

/**
 * The input facts of one assessment: a value for every {@link RuleVariable}, typed as CEL expects. Stored with the
 * assessment (keyed by variable name) so a decision can be explained and replayed with other rules later.
 * Immutable; its variable resolver is built once, so evaluating many rules over the same facts allocates nothing
 * on a variable lookup (each value is wrapped in its {@code Optional} once, here).
 */
public final class Facts {

    private static final RuleVariable[] VARIABLES = RuleVariable.values();
    private static final Map<String, RuleVariable> BY_NAME = new HashMap<>();

    static {
        for (RuleVariable variable : VARIABLES) {
            BY_NAME.put(variable.variable(), variable);
        }
    }

    private final Map<String, Object> activation;
    private final Optional<Object>[] resolved;
    private final CelVariableResolver resolver;

    @SuppressWarnings("unchecked")
    private Facts(Object[] values) {
        Map<String, Object> byName = new LinkedHashMap<>();
        resolved = new Optional[values.length];
        for (int i = 0; i < values.length; i++) {
            byName.put(VARIABLES[i].variable(), values[i]);
            resolved[i] = Optional.of(values[i]);
        }
        activation = Collections.unmodifiableMap(byName);
        resolver = this::find;
    }

    private Optional<Object> find(String name) {
        RuleVariable variable = BY_NAME.get(name);
        return variable == null ? Optional.empty() : resolved[variable.ordinal()];
    }

    /** The facts as CEL's runtime looks variables up. */
    CelVariableResolver resolver() {
        return resolver;
    }

    /**
     * @param values by variable name ({@code tx.amount}); every variable must be present, numbers of any kind
     * @throws IllegalArgumentException if a variable is missing, unknown or of the wrong kind
     */
    public static Facts of(Map<String, ?> values) {
        for (String name : values.keySet()) {
            if (!BY_NAME.containsKey(name)) {
                throw new IllegalArgumentException("Unknown variable " + name);
            }
        }
        Object[] coerced = new Object[VARIABLES.length];
        for (RuleVariable variable : VARIABLES) {
            coerced[variable.ordinal()] = variable.coerce(values.get(variable.variable()));
        }
        return new Facts(coerced);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Variable name to value, in the vocabulary's order: what the program evaluates and what is stored. */
    public Map<String, Object> activation() {
        return activation;
    }

    public Object get(RuleVariable variable) {
        return resolved[variable.ordinal()].get();
    }

    public static final class Builder {

        private final Object[] values = new Object[VARIABLES.length];

        public Builder set(RuleVariable variable, Object value) {
            values[variable.ordinal()] = value;
            return this;
        }

        /** @throws IllegalArgumentException if a variable was not set or is of the wrong kind */
        public Facts build() {
            Object[] coerced = new Object[VARIABLES.length];
            for (RuleVariable variable : VARIABLES) {
                coerced[variable.ordinal()] = variable.coerce(values[variable.ordinal()]);
            }
            return new Facts(coerced);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Facts facts && facts.activation.equals(activation);
    }

    @Override
    public int hashCode() {
        return activation.hashCode();
    }

    @Override
    public String toString() {
        return activation.toString();
    }
}
