package com.platform.risk.engine;

import java.util.Collections;
import java.util.HashMap;
import java.util.Optional;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.cel.runtime.CelVariableResolver;

/**
 * The input facts of one assessment: a value for every {@link RuleVariable}, typed as CEL expects. Stored with the
 * assessment (keyed by variable name) so a decision can be explained and replayed with other rules later.
 */
public final class Facts {

    private final Map<String, Object> activation;
    private final Map<String, Optional<Object>> resolved;
    private final CelVariableResolver resolver;

    private Facts(Map<String, Object> activation) {
        this.activation = Collections.unmodifiableMap(activation);
        // each value wrapped once, so that evaluating many rules neither copies the map nor allocates per lookup
        Map<String, Optional<Object>> wrapped = new HashMap<>();
        activation.forEach((name, value) -> wrapped.put(name, Optional.of(value)));
        this.resolved = wrapped;
        this.resolver = name -> resolved.getOrDefault(name, Optional.empty());
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
