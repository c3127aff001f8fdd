/** R4: the risk register: category, owner, controls, level by matrix, strategy rules, residual risk, reviews. */
package com.platform.risk.register;
