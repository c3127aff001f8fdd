/** Real-name and enterprise verification (U4): identity documents and credit codes with their check rules. */
package com.platform.user.identity;
