package com.platform.transaction.transaction;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.platform.transaction.money.Money;
import com.platform.transaction.partner.PartnerDirectory.PartnerEligibility;
import com.platform.transaction.payer.PayerDirectory.PayerEligibility;

/**
 * T2's identity and partner checks as a named policy. A payer must be ACTIVE and allowed to transact, and at level
 * L2 (real-name verified) or above for FINANCIAL transactions and for amounts above the currency's large amount (a
 * currency without one always needs L2). A partner must be ACTIVE or on PROBATION (still trading, under
 * supervision), have an agreement in force with a commission rate and fulfilment days, and be of a type that fits
 * the transaction type (T1).
 *
 * @param largeAmounts per ISO 4217 currency, the amount (major units) above which L2 is needed
 */
@ConfigurationProperties("transaction.eligibility")
public record EligibilityPolicy(Map<String, BigDecimal> largeAmounts) {

    private static final Set<String> TRADING_PARTNER_STATUSES = Set.of("ACTIVE", "PROBATION");
    private static final Set<String> L2_OR_ABOVE = Set.of("L2", "L3");

    public EligibilityPolicy {
        largeAmounts = largeAmounts == null ? Map.of() : Map.copyOf(largeAmounts);
    }

    /** @return why the payer may not make this transaction, or empty if it may */
    public Optional<String> payerRefusal(PayerEligibility payer, TransactionType type, Money amount) {
        if (!"ACTIVE".equals(payer.status())) {
            return Optional.of("the account is " + payer.status());
        }
        if (!payer.canTransact()) {
            return Optional.of("the account may not transact");
        }
        if (!L2_OR_ABOVE.contains(payer.level())) {
            if (type == TransactionType.FINANCIAL) {
                return Optional.of("FINANCIAL transactions need real-name verification (L2); the account is "
                        + payer.level());
            }
            if (isLarge(amount)) {
                return Optional.of("amounts above " + largeAmountText(amount.currency())
                        + " need real-name verification (L2); the account is " + payer.level());
            }
        }
        return Optional.empty();
    }

    /** @return why the partner may not take this transaction, or empty if it may */
    public Optional<String> partnerRefusal(PartnerEligibility partner, TransactionType type) {
        if (!TRADING_PARTNER_STATUSES.contains(partner.status())) {
            return Optional.of("the partner is " + partner.status());
        }
        if (!partner.agreementActive() || partner.commissionRate() == null || partner.fulfilmentDays() == null) {
            return Optional.of("the partner has no agreement in force");
        }
        if (!type.fitsPartnerType(partner.type())) {
            return Optional.of("a " + partner.type() + " partner cannot take " + type + " transactions");
        }
        if (partner.commissionRate().signum() < 0 || partner.commissionRate().compareTo(BigDecimal.ONE) > 0
                || partner.commissionRate().stripTrailingZeros().scale() > Transaction.Terms.RATE_SCALE
                || partner.fulfilmentDays() < 0) {
            return Optional.of("the partner's agreement terms are not valid");
        }
        return Optional.empty();
    }

    boolean isLarge(Money amount) {
        BigDecimal limit = largeAmounts.get(amount.currency());
        return limit == null || amount.toDecimal().compareTo(limit) > 0;
    }

    private String largeAmountText(String currency) {
        BigDecimal limit = largeAmounts.get(currency);
        return limit == null ? "zero in " + currency : limit.toPlainString() + " " + currency;
    }
}
