package com.platform.transaction;

import com.platform.testsupport.ServiceSkeletonContract;

/** transaction-service starts on its own database and broker and meets the platform's operational contract. */
class TransactionServiceApplicationTests extends ServiceSkeletonContract {
}
