package com.platform.risk.engine;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The input facts of one assessment: a value for every {@link RuleVariable}, typed as CEL expects. Stored with the
 * assessment (keyed by variable name) so a decision can be explained and replayed with other rules later.
 */
public final class Facts {

    private final Map<String, Object> activation;

    private Facts(Map<String, Object> activation) {
        this.activation = Collections.unmodifiableMap(activation);
    }

    /**
     * @param values by variable name ({@code tx.amount}); every variable must be present, numbers of any kind
     * @throws IllegalArgumentException if a variable is missing, unknown or of the wrong kind
     */
    public static Facts of(Map<String, ?> values) {
        Map<String, Object> activation = new LinkedHashMap<>();
        for (RuleVariable variable : RuleVariable.values()) {
            activation.put(variable.variable(), variable.coerce(values.get(variable.variable())));
        }
        for (String name : values.keySet()) {
            if (!activation.containsKey(name)) {
                throw new IllegalArgumentException("Unknown variable " + name);
            }
        }
        return new Facts(activation);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Variable name to value, in the vocabulary's order: what the program evaluates and what is stored. */
    public Map<String, Object> activation() {
        return activation;
    }

    public Object get(RuleVariable variable) {
        return activation.get(variable.variable());
    }

    public static final class Builder {

        private final Map<RuleVariable, Object> values = new EnumMap<>(RuleVariable.class);

        public Builder set(RuleVariable variable, Object value) {
            values.put(variable, value);
            return this;
        }

        public Facts build() {
            Map<String, Object> byName = new LinkedHashMap<>();
            values.forEach((variable, value) -> byName.put(variable.variable(), value));
            return of(byName);
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
