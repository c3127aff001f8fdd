/** The transaction aggregate and its life (T1-T4, T8): creation with risk-control steps, transitions, queries. */
package com.platform.transaction.transaction;
