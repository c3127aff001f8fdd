/**
 * Cross-cutting machinery shared by every servlet service; it names no business concept.
 * Each sub-package is one guarantee of platform.md X1-X7 and is switched on by auto-configuration.
 */
package com.platform.starter;
