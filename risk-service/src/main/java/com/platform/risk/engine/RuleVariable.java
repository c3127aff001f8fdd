package com.platform.risk.engine;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;

/**
 * The variables a rule expression may use: exactly the vocabulary of api.md ("Rule expressions are CEL over these
 * variables"). Anything else in an expression is an unknown variable, refused when the rule is written.
 */
public enum RuleVariable {

    TX_TYPE("tx.type", Kind.STRING),
    /** Major units as a double (CEL has no decimal); decisions and velocity keep exact minor units. */
    TX_AMOUNT("tx.amount", Kind.DOUBLE),
    TX_CURRENCY("tx.currency", Kind.STRING),
    /** Hour of the transaction in the platform time zone, 0-23. */
    TX_HOUR_OF_DAY("tx.hourOfDay", Kind.INT),
    PAYER_LEVEL("payer.level", Kind.INT),
    PAYER_STATUS("payer.status", Kind.STRING),
    PAYER_ACCOUNT_AGE_DAYS("payer.accountAgeDays", Kind.INT),
    PAYER_ACTIVE_VIOLATIONS("payer.activeViolations", Kind.INT),
    /** {@code ""} when the partner has not been graded. */
    PARTNER_GRADE("partner.grade", Kind.STRING),
    PARTNER_STATUS("partner.status", Kind.STRING),
    VELOCITY_COUNT_1H("velocity.count1h", Kind.INT),
    VELOCITY_COUNT_24H("velocity.count24h", Kind.INT),
    VELOCITY_AMOUNT_24H("velocity.amount24h", Kind.DOUBLE),
    WATCH_USER("watch.user", Kind.BOOL),
    WATCH_DOCUMENT("watch.document", Kind.BOOL),
    WATCH_DEVICE("watch.device", Kind.BOOL),
    WATCH_IP("watch.ip", Kind.BOOL);

    public enum Kind {
        STRING(SimpleType.STRING), INT(SimpleType.INT), DOUBLE(SimpleType.DOUBLE), BOOL(SimpleType.BOOL);

        private final CelType celType;

        Kind(CelType celType) {
            this.celType = celType;
        }

        CelType celType() {
            return celType;
        }
    }

    private final String variable;
    private final Kind kind;

    RuleVariable(String variable, Kind kind) {
        this.variable = variable;
        this.kind = kind;
    }

    /** The name written in expressions, e.g. {@code payer.level}. */
    public String variable() {
        return variable;
    }

    public Kind kind() {
        return kind;
    }

    /** The value as CEL's runtime wants it: ints as {@code Long}, doubles as {@code Double}. */
    Object coerce(Object value) {
        if (value == null) {
            throw new IllegalArgumentException(variable + " has no value");
        }
        return switch (kind) {
            case STRING -> value.toString();
            case INT -> {
                if (!(value instanceof Number n)) {
                    throw new IllegalArgumentException(variable + " is not a number");
                }
                yield n.longValue();
            }
            case DOUBLE -> {
                if (!(value instanceof Number n)) {
                    throw new IllegalArgumentException(variable + " is not a number");
                }
                yield n.doubleValue();
            }
            case BOOL -> {
                if (!(value instanceof Boolean b)) {
                    throw new IllegalArgumentException(variable + " is not a boolean");
                }
                yield b;
            }
        };
    }
}
