/**
 * A local view of each person's open transactions and disputes (U7), kept from transaction-service's events so
 * that closing an account does not depend on transaction-service answering.
 */
package com.platform.user.business;
