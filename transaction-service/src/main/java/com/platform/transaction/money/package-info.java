/** Exact money in minor units of ISO 4217 currencies (T1). */
package com.platform.transaction.money;
