/** A person's rights over their own account (U7): read, export, correct, close. */
package com.platform.user.rights;
