/** Registration by e-mail or phone (U1-U3): contact values and the one-time code that proves them. */
package com.platform.user.registration;
