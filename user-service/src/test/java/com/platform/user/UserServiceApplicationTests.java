package com.platform.user;

import com.platform.testsupport.ServiceSkeletonContract;

/** user-service starts on its own database and broker and meets the platform's operational contract. */
class UserServiceApplicationTests extends ServiceSkeletonContract {
}
