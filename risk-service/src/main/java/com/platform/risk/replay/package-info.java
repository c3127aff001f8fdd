/** R2: replay of a draft rule over stored assessments (how many hits, which decisions would change). */
package com.platform.risk.replay;
