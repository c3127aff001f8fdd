/** R5: key risk indicators over sliding windows, their history, alerts with hysteresis, delivery by event and mail. */
package com.platform.risk.monitoring;
