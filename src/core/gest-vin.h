/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-error.h"

G_BEGIN_DECLS

/* 17 characters, letters and digits without I, O and Q; the North American check digit at
 * position 9: a wrong check digit is GEST_CHECK_WARNING, anything else wrong GEST_CHECK_INVALID.
 * @message as in gest_rfc_check(). */
GestCheck gest_vin_check       (const char  *vin,
                                char       **message);
/* The check digit ('0'..'9' or 'X') of a 17-character VIN, or '\0' if malformed. */
char      gest_vin_check_digit (const char  *vin);

G_END_DECLS
