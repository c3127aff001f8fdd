/** The risk decision of T2 from risk-service, and the review cases' decisions it publishes. */
package com.platform.transaction.risk;
