package com.platform.risk.replay;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.platform.risk.engine.Action;
import com.platform.risk.engine.RuleCompiler;
import com.platform.risk.support.RiskException;

/** R2: {@code POST /api/v1/risk/rules/replay}, risk officers only. */
@RestController
class ReplayController {

    private final RuleReplay replay;

    ReplayController(RuleReplay replay) {
        this.replay = replay;
    }

    record ReplayRequest(@NotBlank @Size(max = RuleCompiler.MAX_LENGTH) String expression,
            @NotNull @Min(0) @Max(1000) Integer score, @NotNull Action action, UUID replacesRuleId,
            @NotNull Instant from, @NotNull Instant to) {
    }

    @PostMapping("/api/v1/risk/rules/replay")
    @PreAuthorize("hasRole('risk_officer')")
    RuleReplay.Result replay(@Valid @RequestBody ReplayRequest request) {
        if (!request.to().isAfter(request.from())) {
            throw new RiskException.InvalidField("to", "must be after from");
        }
        return replay.replay(new RuleReplay.Draft(request.expression(), request.score(), request.action(),
                request.replacesRuleId(), request.from(), request.to()));
    }
}
