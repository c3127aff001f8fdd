/** What the calls to other services and providers share: the "no answer" failure. */
package com.platform.transaction.remote;
