/** The Keycloak side of an account (U2, U6, U8): users, their enabled flag and realm roles, behind {@link com.platform.user.directory.UserDirectory}. */
package com.platform.user.directory;
