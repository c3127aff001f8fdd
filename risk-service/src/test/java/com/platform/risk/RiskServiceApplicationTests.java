package com.platform.risk;

import com.platform.testsupport.ServiceSkeletonContract;

/** risk-service starts on its own database and broker and meets the platform's operational contract. */
class RiskServiceApplicationTests extends ServiceSkeletonContract {
}
