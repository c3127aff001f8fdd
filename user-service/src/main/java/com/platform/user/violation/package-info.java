/** Prohibited behaviour and its penalties (U8): severities, the penalty ladder. */
package com.platform.user.violation;
