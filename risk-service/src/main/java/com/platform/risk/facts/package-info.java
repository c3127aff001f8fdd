/** Local views of payer and partner facts, kept from user-service's and partner-service's events (R1). */
package com.platform.risk.facts;
