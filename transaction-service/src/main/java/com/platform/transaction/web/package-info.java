/** HTTP concerns shared by the features: the mapping of domain exceptions to problem codes. */
package com.platform.transaction.web;
