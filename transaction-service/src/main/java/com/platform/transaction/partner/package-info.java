/** The partner check of T2 against partner-service (interface owned here, Feign client, fallback). */
package com.platform.transaction.partner;
