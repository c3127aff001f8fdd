/** Payments through payment institutions (T5): initiation over HTTP, signed asynchronous callbacks. */
package com.platform.transaction.payment;
