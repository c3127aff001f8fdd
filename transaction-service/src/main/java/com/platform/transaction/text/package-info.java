/** Rules for free text in requests. */
package com.platform.transaction.text;
