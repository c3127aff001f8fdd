/** R1: the decision policy, one named and configurable object. */
package com.platform.risk.decision;
