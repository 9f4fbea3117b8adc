/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-error.h"

G_BEGIN_DECLS

/* Validates a Mexican RFC (SAT): persona física (4 letters) or moral (3 letters, Ñ and &
 * allowed), a valid yymmdd date, a 2-character homoclave and the check digit.
 * A wrong format or date is GEST_CHECK_INVALID; a wrong check digit only GEST_CHECK_WARNING.
 * The generic RFCs XAXX010101000 and XEXX010101000 are valid. Input is normalized as by
 * gest_rfc_normalize() (UTF-8 "ñ" too). @message (nullable) receives a translated
 * explanation for warnings and errors, NULL when valid. */
GestCheck gest_rfc_check           (const char  *rfc,
                                    char       **message);
/* The expected check digit of a whole 13- (persona física) or 12-character (moral) RFC,
 * computed over all but its last character; '\0' if the letters, date digits or homoclave
 * are malformed (the date itself is not checked). */
char      gest_rfc_check_digit     (const char  *rfc);
/* Upper-cased copy without blanks and dashes ("gode-561231-gr8" → "GODE561231GR8"). */
char     *gest_rfc_normalize       (const char  *rfc);

G_END_DECLS
