/** Roles and access reviews (U6): admins grant and revoke realm roles; campaigns review every privileged holder. */
package com.platform.user.access;
