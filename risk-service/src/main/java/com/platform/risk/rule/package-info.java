/** R2: rules as versioned, governed data with maker-checker for LIVE versions; the catalog of compiled versions in force. */
package com.platform.risk.rule;
