/** R3: manual review cases opened by REVIEW decisions, taken by one risk officer and decided with reasons. */
package com.platform.risk.reviewcase;
