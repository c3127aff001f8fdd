package com.platform.risk.register;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.platform.risk.support.RiskException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskRatingTests {

    @ParameterizedTest
    @CsvSource({"1,1,LOW", "1,4,LOW", "2,2,LOW", "1,5,MEDIUM", "3,3,MEDIUM", "2,4,MEDIUM", "2,5,HIGH", "4,4,HIGH",
            "3,5,HIGH", "4,5,CRITICAL", "5,5,CRITICAL"})
    void theMatrixGivesTheLevel(int likelihood, int impact, RiskLevel level) {
        assertThat(RiskLevel.of(likelihood, impact)).isEqualTo(level);
        assertThat(RiskLevel.of(impact, likelihood)).isEqualTo(level);
    }

    @ParameterizedTest
    @CsvSource({"4,4,REDUCE", "5,4,TRANSFER", "4,5,ACCEPT"})
    void avoidIsRequiredWhereBothAreHigh(int likelihood, int impact, Strategy strategy) {
        assertThatThrownBy(() -> RiskRating.of(likelihood, impact, strategy, "plan", null, null))
                .isInstanceOfSatisfying(RiskException.Unprocessable.class, e -> {
                    assertThat(e.code()).isEqualTo("STRATEGY_NOT_ALLOWED");
                    assertThat(e.fields().get(0).field()).isEqualTo("strategy");
                    assertThat(e.fields().get(0).message()).contains("AVOID");
                });
        assertThat(RiskRating.of(likelihood, impact, Strategy.AVOID, null, 2, 2).residualLevel())
                .isEqualTo(RiskLevel.LOW);
    }

    @Test
    void acceptOnlyForLowRisksAndOnlyWithAContingencyPlan() {
        assertThatThrownBy(() -> RiskRating.of(3, 3, Strategy.ACCEPT, "plan", null, null))
                .isInstanceOfSatisfying(RiskException.Unprocessable.class,
                        e -> assertThat(e.fields().get(0).message()).contains("LOW", "MEDIUM"));
        assertThatThrownBy(() -> RiskRating.of(1, 2, Strategy.ACCEPT, " ", null, null))
                .isInstanceOfSatisfying(RiskException.Unprocessable.class,
                        e -> assertThat(e.fields().get(0).field()).isEqualTo("contingencyPlan"));
        assertThat(RiskRating.of(1, 2, Strategy.ACCEPT, "insurance claim and manual fallback", null, null).level())
                .isEqualTo(RiskLevel.LOW);
    }

    @Test
    void residualRiskCannotExceedTheInherentRisk() {
        assertThatThrownBy(() -> RiskRating.of(2, 3, Strategy.REDUCE, null, 3, 1))
                .isInstanceOfSatisfying(RiskException.Unprocessable.class,
                        e -> assertThat(e.fields().get(0).field()).isEqualTo("residualLikelihood"));
    }
}
