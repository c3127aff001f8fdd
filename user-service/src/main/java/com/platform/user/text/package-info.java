/**
 * What text user-service accepts (U3, X7): names are letters and a few separators; free text refuses markup and
 * control characters. SQL-looking text is just text: it is stored through bound parameters and read back as typed.
 */
package com.platform.user.text;
