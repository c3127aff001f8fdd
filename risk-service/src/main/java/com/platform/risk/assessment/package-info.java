/** R1: real-time assessment of transactions from local facts, stored with its explanation. */
package com.platform.risk.assessment;
