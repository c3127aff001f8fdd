/** The payer check of T2 against user-service (interface owned here, Feign client, fallback). */
package com.platform.transaction.payer;
