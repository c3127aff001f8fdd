package com.platform.partner;

import com.platform.testsupport.ServiceSkeletonContract;

/** partner-service starts on its own database and broker and meets the platform's operational contract. */
class PartnerServiceApplicationTests extends ServiceSkeletonContract {
}
