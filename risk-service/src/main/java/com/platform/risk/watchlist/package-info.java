/** R1 watchlists of users, documents, devices and IP addresses, with reason and expiry, audited. */
package com.platform.risk.watchlist;
