/** Complaints and suggestions (U7), answered by operators. */
package com.platform.user.feedback;
